package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code payment.failed}: the order's money was not taken, and will not be for this charge.
 *
 * @param code   {@code DECLINED}, {@code INSUFFICIENT_FUNDS}, {@code EXPIRED_CARD},
 *               {@code PROCESSING_ERROR}, {@code GATEWAY_UNAVAILABLE}, {@code INVALID_REQUEST},
 *               {@code EXPIRED} (no deposit or approval in time), {@code CANCELLED}
 * @param reason for people: what happened, without card data
 */
public record PaymentFailed(@NotNull UUID paymentId, @NotNull UUID orderId, @NotNull String code, @NotNull String reason) {
}

package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code payment.refund-failed}: the refund was refused (more than is left, nothing captured) or the gateway declined it. */
public record PaymentRefundFailed(@NotNull UUID orderId, @NotNull UUID refundId, @NotNull String code, @NotNull String reason) {
}

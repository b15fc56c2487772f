package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code payment.cancelled}: nothing was captured for the order and nothing will be. */
public record PaymentCancelled(@NotNull UUID paymentId, @NotNull UUID orderId, @NotNull String reason) {
}

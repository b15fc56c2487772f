package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code payment.captured}: the order is paid. */
public record PaymentCaptured(@NotNull UUID paymentId, @NotNull UUID orderId, long amountMinor, @NotNull String currency,
        @NotNull String method) {
}

package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code payment.authorised}: the money is held for the order and waits for {@code payment.capture}. */
public record PaymentAuthorised(@NotNull UUID paymentId, @NotNull UUID orderId, long amountMinor, @NotNull String currency,
        @NotNull String method) {
}

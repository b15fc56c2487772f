package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code payment.refunded}: money went back to the shopper.
 *
 * @param refundedTotalMinor everything refunded for the order so far, this refund included
 * @param fully              whether everything captured is now refunded
 */
public record PaymentRefunded(@NotNull UUID paymentId, @NotNull UUID orderId, @NotNull UUID refundId, long amountMinor,
        @NotNull String currency, long refundedTotalMinor, boolean fully, String reason) {
}

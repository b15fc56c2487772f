package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code payment.charge}: take this order's money. Answered by {@code payment.captured} (or
 * {@code payment.authorised} when {@code authoriseOnly}), {@code payment.action-required} while a
 * bank transfer or a wallet waits for the shopper, or {@code payment.failed}. Sent again for the
 * same order it charges nothing more: it gets the same answer again.
 *
 * @param method        {@code CARD}, {@code BANK_TRANSFER} or {@code EASY_PAY}
 * @param cardToken     for a new card: the token the gateway's tokenisation gave the shopper's client
 * @param savedCardId   for a card the shopper saved before (instead of {@code cardToken})
 * @param saveCard      keep the new card for the shopper's next orders
 * @param returnUrl     for a wallet: where the shopper's browser goes back to after approving
 * @param authoriseOnly hold the money now and capture it later ({@code payment.capture})
 */
public record ChargePayment(
        @NotNull UUID orderId,
        @NotNull UUID userId,
        @Positive @Max(Limits.MAX_AMOUNT_MINOR) long amountMinor,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull @Pattern(regexp = "CARD|BANK_TRANSFER|EASY_PAY") String method,
        @Size(max = 255) String cardToken,
        UUID savedCardId,
        boolean saveCard,
        @Size(max = 2_000) String returnUrl,
        boolean authoriseOnly) {

    /** The card token is a secret of the shopper's card: it stays out of logs. */
    @Override
    public String toString() {
        return "ChargePayment[order " + orderId + ", " + amountMinor + " " + currency + ", " + method + "]";
    }
}

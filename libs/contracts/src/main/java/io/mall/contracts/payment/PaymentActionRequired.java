package io.mall.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code payment.action-required}: the payment waits for the shopper until {@code expiresAt}: a
 * deposit into the virtual account (bank transfer), or an approval at the wallet (easy pay). It
 * ends in {@code payment.captured}, or {@code payment.failed} with code {@code EXPIRED}.
 *
 * @param bank          bank transfer: the bank of the virtual account
 * @param accountNumber bank transfer: the virtual account, which accepts exactly the amount
 * @param approvalUrl   easy pay: where the shopper approves the payment
 */
public record PaymentActionRequired(@NotNull UUID paymentId, @NotNull UUID orderId, long amountMinor,
        @NotNull String currency, @NotNull String method, String bank, String accountNumber, String approvalUrl,
        @NotNull Instant expiresAt) {
}

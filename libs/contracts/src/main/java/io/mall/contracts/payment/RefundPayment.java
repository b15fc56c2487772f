package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code payment.refund}: give back money captured for the order. Answered by
 * {@code payment.refunded} or {@code payment.refund-failed}. The refund id makes it idempotent:
 * sent again, nothing more is refunded.
 *
 * @param amountMinor null refunds everything captured and not refunded yet
 * @param currency    the order's currency, checked against the payment's (null: not checked)
 */
public record RefundPayment(
        @NotNull UUID orderId,
        @NotNull UUID refundId,
        @Positive @Max(Limits.MAX_AMOUNT_MINOR) Long amountMinor,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank @Size(max = 500) String reason) {
}

package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code payment.capture}: take the money an earlier {@code payment.charge} with {@code authoriseOnly}
 * held for the order. Answered by {@code payment.captured} or {@code payment.failed}.
 *
 * @param amountMinor at most what was authorised; null captures all of it
 */
public record CapturePayment(@NotNull UUID orderId, @Positive @Max(Limits.MAX_AMOUNT_MINOR) Long amountMinor) {
}

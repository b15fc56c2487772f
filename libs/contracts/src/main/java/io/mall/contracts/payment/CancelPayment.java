package io.mall.contracts.payment;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code payment.cancel}: the order is off; make sure the shopper is not charged. A held
 * authorisation is released, a waiting bank transfer or wallet approval is closed
 * ({@code payment.cancelled}); money already captured is refunded in full ({@code payment.refunded}).
 */
public record CancelPayment(@NotNull UUID orderId, @NotBlank @Size(max = 500) String reason) {
}

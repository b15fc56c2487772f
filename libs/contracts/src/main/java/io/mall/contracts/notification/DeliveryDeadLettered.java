package io.mall.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code notification.dead-lettered} (on {@code notification.dead-letter}): a notification that
 * could not be delivered on one channel after every retry, for an operator to look into. No address
 * and no text: the delivery log keeps what was tried, under {@code deliveryId}.
 *
 * @param channel   {@code EMAIL}, {@code SMS}, {@code PUSH} or {@code IN_APP}
 * @param trigger   what it was about, e.g. {@code ORDER_RECEIVED}
 * @param eventId   the id of the event that caused it
 * @param lastError the provider's last answer, in its words
 */
public record DeliveryDeadLettered(@NotNull UUID deliveryId, @NotNull UUID eventId, @NotNull UUID userId,
        @NotBlank String channel, @NotBlank String trigger, int attempts, String lastError, @NotNull Instant at) {
}

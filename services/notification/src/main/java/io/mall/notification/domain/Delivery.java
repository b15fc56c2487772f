package io.mall.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notice on one channel, as the delivery log holds it while it is being sent.
 *
 * @param attempts the attempts made so far, this one included once it is leased
 */
public record Delivery(UUID id, UUID eventId, UUID userId, Trigger trigger, Channel channel, Map<String, String> facts,
        int attempts, Instant createdAt) {
}

package io.mall.messaging;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The message ids each consumer has processed, kept in the service's own store for
 * {@code mall.messaging.remember} (longer than any redelivery or outbox resend can come late).
 * A service that consumes messages provides one implementation in its {@code store} package.
 */
public interface ProcessedMessages {

    /** Whether {@code consumer} has processed the message with this id. */
    Uni<Boolean> contains(String consumer, UUID messageId);

    /** Notes that {@code consumer} has processed the message; noting it twice is harmless. */
    Uni<Void> remember(String consumer, UUID messageId);
}

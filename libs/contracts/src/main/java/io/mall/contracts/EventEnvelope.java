package io.mall.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The one shape of every Kafka message between Mall services, facts and saga commands alike.
 *
 * @param id          unique per message; consumers remember it to process each message once
 * @param type        what happened or is asked for, e.g. {@code order.placed}; see {@link EventTypes}
 * @param source      the service that wrote the message, e.g. {@code order}
 * @param time        when the fact became true (commit time), not when it was sent
 * @param subject     id of the aggregate the message is about; also the Kafka record key, so all
 *                    messages about one aggregate stay in one partition and in order
 * @param traceparent W3C trace context of the request that caused the message, so a trace
 *                    follows an order across services; may be null outside a request
 * @param data        the event or command payload, a record from this package
 */
public record EventEnvelope<T>(
        UUID id,
        String type,
        String source,
        Instant time,
        String subject,
        String traceparent,
        T data) {
}

package io.mall.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An envelope ready to be stored in an outbox and sent.
 *
 * @param id    the envelope's id, which consumers de-duplicate by
 * @param topic the topic's full name in this deployment (with its prefix)
 * @param key   the Kafka record key: the envelope's subject
 * @param json  the whole envelope as JSON, the record's value
 * @param time  when the fact became true
 */
public record OutgoingEnvelope(UUID id, String topic, String key, String json, Instant time) {
}

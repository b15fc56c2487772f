package io.mall.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;

/**
 * Writes the envelope of every message a service sends: a new id, the service as source, the
 * subject as the Kafka key, and the {@code traceparent} of the current span, so the trace of the
 * request that caused a message goes on in each consumer of it.
 */
@ApplicationScoped
public class Envelopes {

    private final ObjectMapper json;
    private final Clock clock;
    private final String source;
    private final String topicPrefix;

    Envelopes(ObjectMapper json, Clock clock, @ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "mall.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.topicPrefix = topicPrefix.orElse("");
    }

    /** An envelope for a fact that is true as of now. */
    public OutgoingEnvelope write(String topic, String type, String subject, Object data) {
        return write(topic, type, subject, data, clock.instant());
    }

    /** An envelope for a fact that became true at {@code time} (a commit's time). */
    public OutgoingEnvelope write(String topic, String type, String subject, Object data, Instant time) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a " + type + " message needs a subject: it is the Kafka key");
        }
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), type, source, time, subject,
                TraceParents.current(), data);
        try {
            return new OutgoingEnvelope(envelope.id(), topicPrefix + topic, subject, json.writeValueAsString(envelope), time);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type + " message does not serialise", e);
        }
    }
}

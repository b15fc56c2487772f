package io.mall.product.store;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.mall.product.domain.PendingEvent;

/** Builds the events that go into a document's outbox, in the envelope every Mall service reads. */
@ApplicationScoped
public class Events {

    /** Kafka header naming the replica that made a change; that replica skips the change when it comes back. */
    public static final String ORIGIN_HEADER = "mall-origin";

    private final ObjectMapper json;
    private final Clock clock;
    private final String topicPrefix;
    private final String replica;

    Events(ObjectMapper json, Clock clock, @ConfigProperty(name = "mall.kafka.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.uuid") String replica) {
        this.json = json;
        this.clock = clock;
        this.topicPrefix = topicPrefix.orElse("");
        this.replica = replica;
    }

    public PendingEvent event(String topic, String type, String subject, Object data) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), type, "product", clock.instant(),
                subject, null, data);
        try {
            return new PendingEvent(envelope.id().toString(), topicPrefix + topic, subject,
                    json.writeValueAsString(envelope), envelope.time(), replica);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " does not serialise", e);
        }
    }
}

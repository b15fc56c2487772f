package io.mall.user.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes an event into the outbox table inside the caller's transaction: the event exists if and
 * only if the change it reports commits. {@code messaging.OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String SOURCE = "user";

    private final ObjectMapper json;
    private final String topicPrefix;

    Outbox(ObjectMapper json, @ConfigProperty(name = "mall.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix.orElse("");
    }

    /** Must be called inside a transaction ({@code Panache.withTransaction}). */
    public Uni<Void> add(String topic, String type, UUID subject, Object data, Instant time) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), type, SOURCE, time,
                subject.toString(), null, data);
        OutboxMessage message = new OutboxMessage();
        message.id = envelope.id();
        message.topic = topicPrefix + topic;
        message.messageKey = envelope.subject();
        message.createdAt = time;
        try {
            message.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event " + type + " does not serialise", e));
        }
        return Panache.getSession().chain(session -> session.persist(message)).replaceWithVoid();
    }
}

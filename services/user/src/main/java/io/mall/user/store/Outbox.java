package io.mall.user.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.messaging.Envelopes;
import io.mall.messaging.OutgoingEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes an event into the outbox table inside the caller's transaction: the event exists if and
 * only if the change it reports commits. {@code messaging.OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final Envelopes envelopes;

    Outbox(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** Must be called inside a transaction ({@code Panache.withTransaction}). */
    public Uni<Void> add(String topic, String type, UUID subject, Object data, Instant time) {
        OutgoingEnvelope envelope;
        try {
            envelope = envelopes.write(topic, type, subject.toString(), data, time);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        OutboxMessage message = new OutboxMessage();
        message.id = envelope.id();
        message.topic = envelope.topic();
        message.messageKey = envelope.key();
        message.createdAt = envelope.time();
        message.payload = envelope.json();
        return Panache.getSession().chain(session -> session.persist(message)).replaceWithVoid();
    }
}

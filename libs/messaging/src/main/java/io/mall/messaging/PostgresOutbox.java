package io.mall.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Writes an envelope into a service's PostgreSQL outbox table (its shape is on
 * {@link PostgresOutboxRelay}) through the caller's Hibernate Reactive session, so the row commits
 * or rolls back with the change it reports. A plain class, not a bean: services on MongoDB or
 * Redis have no Hibernate Reactive; a service's store makes one over its {@link Envelopes}. A service
 * on the plain reactive client writes through {@link PostgresClientOutbox} instead.
 */
public final class PostgresOutbox {

    private static final String INSERT = "insert into outbox (id, topic, message_key, payload, created_at)"
            + " values (:id, :topic, :key, :payload, :createdAt)";

    private final Envelopes envelopes;

    public PostgresOutbox(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** Must be called inside the transaction of {@code session}. */
    public Uni<Void> add(Mutiny.Session session, String topic, String type, String subject, Object data, Instant time) {
        OutgoingEnvelope envelope;
        try {
            envelope = envelopes.write(topic, type, subject, data, time);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return session.createNativeQuery(INSERT)
                .setParameter("id", envelope.id())
                .setParameter("topic", envelope.topic())
                .setParameter("key", envelope.key())
                .setParameter("payload", envelope.json())
                .setParameter("createdAt", OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }
}

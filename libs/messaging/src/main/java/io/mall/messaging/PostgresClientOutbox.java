package io.mall.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * As {@link PostgresOutbox}, for a service that writes SQL through the plain reactive client (no
 * Hibernate): the row is written on the caller's connection, inside its transaction.
 */
public final class PostgresClientOutbox {

    private final Envelopes envelopes;

    public PostgresClientOutbox(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** Must be called inside the transaction of {@code connection}. */
    public Uni<Void> add(SqlClient connection, String topic, String type, String subject, Object data, Instant time) {
        OutgoingEnvelope envelope;
        try {
            envelope = envelopes.write(topic, type, subject, data, time);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return connection.preparedQuery("insert into outbox (id, topic, message_key, payload, created_at) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(envelope.id(), envelope.topic(), envelope.key(), envelope.json(),
                        OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}

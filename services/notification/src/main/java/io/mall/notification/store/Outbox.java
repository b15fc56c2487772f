package io.mall.notification.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.messaging.Envelopes;
import io.mall.messaging.PostgresClientOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Writes what this service publishes (deliveries given up on) inside the transaction that records
 * it; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final PostgresClientOutbox outbox;

    Outbox(Envelopes envelopes) {
        this.outbox = new PostgresClientOutbox(envelopes);
    }

    public Uni<Void> add(SqlClient connection, String topic, String type, UUID subject, Object data, Instant time) {
        return outbox.add(connection, topic, type, subject.toString(), data, time);
    }
}

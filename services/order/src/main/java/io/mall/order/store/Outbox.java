package io.mall.order.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.messaging.Envelopes;
import io.mall.messaging.PostgresClientOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Writes the saga's commands and the order's events into the outbox inside the transaction that
 * appends the order's events: a message exists if and only if the change that caused it commits.
 * {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final PostgresClientOutbox outbox;

    Outbox(Envelopes envelopes) {
        this.outbox = new PostgresClientOutbox(envelopes);
    }

    /** A message about an order on {@code topic} (its id is the subject and key, so an order's messages stay in order). */
    public Uni<Void> add(SqlClient connection, String topic, String type, UUID orderId, Object data, Instant time) {
        return outbox.add(connection, topic, type, orderId.toString(), data, time);
    }
}

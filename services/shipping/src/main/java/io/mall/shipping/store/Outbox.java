package io.mall.shipping.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.Topics;
import io.mall.messaging.Envelopes;
import io.mall.messaging.PostgresOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes a shipping event into the outbox inside the caller's transaction: the event exists if and
 * only if the change it reports commits. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final PostgresOutbox outbox;

    Outbox(Envelopes envelopes) {
        this.outbox = new PostgresOutbox(envelopes);
    }

    /** A {@code shipping.events} message about an order (its id is the subject, so an order's events stay in order). */
    public Uni<Void> add(String type, UUID orderId, Object data, Instant time) {
        return Panache.getSession().chain(session -> outbox.add(session, Topics.SHIPPING_EVENTS, type, orderId.toString(), data, time));
    }
}

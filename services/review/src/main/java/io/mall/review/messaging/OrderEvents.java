package io.mall.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.order.OrderUpdated;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.review.app.Purchases;
import io.smallrye.mutiny.Uni;

/**
 * {@code order.events}: a delivered order makes its shopper eligible to review each of its products
 * (lines without a product id, which no product page shows, are left out). Remembering a purchase
 * twice is harmless: no store write per event to remember it.
 */
@ApplicationScoped
public class OrderEvents {

    private static final String CONSUMER = "order-events";

    private final Purchases purchases;
    private final Inbox inbox;

    OrderEvents(Purchases purchases, Inbox inbox) {
        this.purchases = purchases;
        this.inbox = inbox;
    }

    @Incoming("order-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        if (!EventTypes.ORDER_DELIVERED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        OrderUpdated order = event.data(OrderUpdated.class);
        return purchases.delivered(order.userId().toString(), order.orderId().toString(), order.lines().stream()
                .filter(line -> line.productId() != null && !line.productId().isBlank())
                .map(line -> new Purchases.Delivered(line.productId(), line.name())).distinct().toList(), event.time());
    }
}

package io.mall.cart.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.cart.app.Carts;
import io.mall.cart.store.CartStore;
import io.mall.contracts.EventTypes;
import io.mall.contracts.order.OrderConfirmed;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * Clears a user's cart when an order placed from it is confirmed. The inbox runs this once per
 * event, so a redelivered confirmation never clears what the shopper has added since.
 */
@ApplicationScoped
public class OrderEvents {

    private static final String CONSUMER = "order-events";

    private final Carts carts;
    private final Inbox inbox;

    OrderEvents(Carts carts, Inbox inbox) {
        this.carts = carts;
        this.inbox = inbox;
    }

    @Incoming("order-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.process(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        // order.events carries every step of an order; only a confirmation concerns the cart
        if (!EventTypes.ORDER_CONFIRMED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        OrderConfirmed confirmed = event.data(OrderConfirmed.class);
        if (!confirmed.fromCart() || confirmed.userId() == null) {
            return Uni.createFrom().voidItem();
        }
        return carts.clear(CartStore.Owner.user(confirmed.userId()));
    }
}

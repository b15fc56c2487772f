package io.mall.notification.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.order.OrderUpdated;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.notification.app.Notices;
import io.mall.notification.domain.Notice;
import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;

/**
 * {@code order.events}: every order event names its shopper, which is remembered for the payment
 * and shipping events about the order; placed, cancelled and delivered orders are told.
 */
@ApplicationScoped
public class OrderEvents {

    private static final String CONSUMER = "order-events";

    /** the events whose data is an {@link OrderUpdated} */
    private static final Set<String> NAME_THEIR_SHOPPER = Set.of(EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED, EventTypes.ORDER_FAILED,
            EventTypes.ORDER_SHIPPED, EventTypes.ORDER_DELIVERED, EventTypes.ORDER_REFUNDED);

    /** a failed order is told by its payment's failure; a shipped or refunded one by shipping's and payment's events */
    private static final Map<String, Trigger> TOLD = Map.of(EventTypes.ORDER_PLACED, Trigger.ORDER_RECEIVED,
            EventTypes.ORDER_CANCELLED, Trigger.ORDER_CANCELLED, EventTypes.ORDER_DELIVERED, Trigger.DELIVERED);

    private final Notices notices;
    private final Inbox inbox;

    OrderEvents(Notices notices, Inbox inbox) {
        this.notices = notices;
        this.inbox = inbox;
    }

    @Incoming("order-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        if (!NAME_THEIR_SHOPPER.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        OrderUpdated order = event.data(OrderUpdated.class);
        Uni<Void> learned = notices.learnOwner(order.orderId(), order.userId());
        Trigger trigger = TOLD.get(event.type());
        if (trigger == null) {
            return learned;
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("orderId", order.orderId().toString());
        facts.put("total", Long.toString(order.total()));
        facts.put("currency", order.currency());
        facts.put("itemCount", Integer.toString(order.lines().size()));
        if (!order.lines().isEmpty()) {
            OrderUpdated.Line first = order.lines().get(0);
            facts.put("firstItem", first.name() == null || first.name().isBlank() ? first.sku() : first.name());
            if (first.productId() != null) {
                facts.put("firstProductId", first.productId());
            }
        }
        if (order.reason() != null) {
            facts.put("reason", order.reason());
        }
        return learned.chain(() -> notices.tell(new Notice(event.id(), order.userId(), trigger, facts, event.time())));
    }
}

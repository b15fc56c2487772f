package io.mall.notification.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.notification.app.Notices;
import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;

/**
 * {@code shipping.events}: a parcel on its way (with its carrier and tracking number) and a parcel
 * out for delivery, told to the order's owner. Its arrival is told from {@code order.delivered},
 * which names the products to review.
 */
@ApplicationScoped
public class ShippingEvents {

    private static final String CONSUMER = "shipping-events";

    private final Notices notices;
    private final Inbox inbox;

    ShippingEvents(Notices notices, Inbox inbox) {
        this.notices = notices;
        this.inbox = inbox;
    }

    @Incoming("shipping-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        Map<String, String> facts = new HashMap<>();
        if (EventTypes.SHIPMENT_CREATED.equals(event.type())) {
            ShipmentCreated created = event.data(ShipmentCreated.class);
            facts.put("orderId", created.orderId().toString());
            facts.put("shipmentId", created.shipmentId().toString());
            facts.put("carrier", created.carrier());
            facts.put("trackingNumber", created.trackingNumber());
            if (created.promisedBy() != null) {
                facts.put("promisedBy", created.promisedBy().toString());
            }
            return notices.tellOwnerOf(created.orderId(), event.id(), Trigger.SHIPPED, facts, event.time());
        }
        if (EventTypes.SHIPMENT_UPDATED.equals(event.type())) {
            ShipmentUpdated updated = event.data(ShipmentUpdated.class);
            if (!"OUT_FOR_DELIVERY".equals(updated.status())) {
                return Uni.createFrom().voidItem();
            }
            facts.put("orderId", updated.orderId().toString());
            facts.put("shipmentId", updated.shipmentId().toString());
            facts.put("at", updated.at().toString());
            if (updated.place() != null) {
                facts.put("place", updated.place());
            }
            return notices.tellOwnerOf(updated.orderId(), event.id(), Trigger.OUT_FOR_DELIVERY, facts, event.time());
        }
        return Uni.createFrom().voidItem();
    }
}

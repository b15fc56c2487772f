package io.mall.shipping.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.shipping.CancelShipment;
import io.mall.contracts.shipping.CreateShipment;
import io.mall.messaging.ContractViolation;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.shipping.app.Shipments;
import io.mall.shipping.domain.ShippingOption;
import io.smallrye.mutiny.Uni;

/**
 * The order saga's requests on {@code shipping.commands}: make the paid order's shipment, cancel a
 * cancelled order's. Each answers on {@code shipping.events} through the outbox and is idempotent
 * per order, so a redelivered command repeats its answer and never makes a second parcel.
 */
@ApplicationScoped
public class ShippingCommands {

    private static final String CONSUMER = "shipping-commands";

    private final Shipments shipments;
    private final Inbox inbox;

    ShippingCommands(Shipments shipments, Inbox inbox) {
        this.shipments = shipments;
        this.inbox = inbox;
    }

    @Incoming("shipping-commands")
    public Uni<Void> handle(Message<String> message) {
        // both commands are idempotent per order: no store write per message is needed to remember them
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope command) {
        return switch (command.type()) {
            case EventTypes.CREATE_SHIPMENT -> {
                CreateShipment create = command.data(CreateShipment.class);
                yield shipments.create(new Shipments.PaidOrder(create.orderId(), create.userId(), create.addressId(),
                        ShippingOption.valueOf(create.option()), create.weightGrams(), create.promisedBy(),
                        create.declaredValueMinor(), create.currency()));
            }
            case EventTypes.CANCEL_SHIPMENT -> {
                CancelShipment cancel = command.data(CancelShipment.class);
                yield shipments.cancel(cancel.orderId(), cancel.reason());
            }
            default -> throw new ContractViolation("shipping.commands carries no command of type '" + command.type() + "'");
        };
    }
}

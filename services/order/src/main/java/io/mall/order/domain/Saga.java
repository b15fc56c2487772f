package io.mall.order.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The order saga, orchestrated: after each event, what to ask next and what to undo. Reserve
 * stock, then charge, then ship; a failure undoes what was done before it (release the stock,
 * give the money back, cancel the shipment), judged by the order as it was before the event.
 */
public final class Saga {

    private Saga() {
    }

    public static List<SagaCommand> after(Order before, OrderEvent event, Order after) {
        List<SagaCommand> next = new ArrayList<>();
        if (event instanceof OrderEvent.Placed placed) {
            next.add(new SagaCommand.ReserveStock(placed.lines()));
            next.add(new SagaCommand.Announce(OrderStatus.RECEIVED, null));
        } else if (event instanceof OrderEvent.StockReserved) {
            next.add(new SagaCommand.ChargePayment(after.total, after.currency, after.paymentMethod));
        } else if (event instanceof OrderEvent.StockRejected || event instanceof OrderEvent.PaymentFailed) {
            if (event instanceof OrderEvent.PaymentFailed) {
                next.add(new SagaCommand.ReleaseStock());
            }
            next.add(new SagaCommand.Announce(OrderStatus.FAILED, after.endReason));
        } else if (event instanceof OrderEvent.PaymentCaptured) {
            if (before.status == OrderStatus.STOCK_RESERVED) {
                next.add(new SagaCommand.CreateShipment(after.addressId, after.shippingOption, after.weightGrams, after.promisedBy,
                        after.lines, after.subtotal, after.currency));
                next.add(new SagaCommand.Announce(OrderStatus.PAID, null));
            } else {
                // the money came after the order ended: it goes back
                next.add(new SagaCommand.CancelPayment("the order had ended: " + after.endReason));
            }
        } else if (event instanceof OrderEvent.ShipmentCreated) {
            if (after.status != OrderStatus.PAID) {
                next.add(new SagaCommand.CancelShipment("the order ended: " + after.endReason));
            }
        } else if (event instanceof OrderEvent.ShipmentRefused) {
            next.add(new SagaCommand.CancelPayment(after.endReason));
            next.add(new SagaCommand.ReleaseStock());
            next.add(new SagaCommand.Announce(OrderStatus.CANCELLED, after.endReason));
        } else if (event instanceof OrderEvent.Shipped) {
            next.add(new SagaCommand.CommitStock());
            next.add(new SagaCommand.Announce(OrderStatus.SHIPPING, null));
        } else if (event instanceof OrderEvent.Delivered) {
            next.add(new SagaCommand.Announce(OrderStatus.DELIVERED, null));
        } else if (event instanceof OrderEvent.Cancelled) {
            undo(before, after.endReason, next);
            next.add(new SagaCommand.Announce(OrderStatus.CANCELLED, after.endReason));
        } else if (event instanceof OrderEvent.StepTimedOut) {
            undo(before, after.endReason, next);
            next.add(new SagaCommand.Announce(OrderStatus.FAILED, after.endReason));
        } else if (event instanceof OrderEvent.Refunded && after.status == OrderStatus.REFUNDED) {
            next.add(new SagaCommand.Announce(OrderStatus.REFUNDED, null));
        }
        // PaymentPending: the shopper acts at the bank or the wallet, payment answers when they have;
        // AddressChanged: no label yet, the shipment when made reads the new address
        return next;
    }

    /** What an order that ends early gives back, by how far it had come. */
    private static void undo(Order before, String reason, List<SagaCommand> next) {
        if (before.status == OrderStatus.RECEIVED || before.stockHeld) {
            // a reservation may be on its way: releasing what is not held changes nothing
            next.add(new SagaCommand.ReleaseStock());
        }
        if (before.chargeRequested) {
            next.add(new SagaCommand.CancelPayment(reason));
        }
        if (before.shipmentId != null) {
            next.add(new SagaCommand.CancelShipment(reason));
        }
    }
}

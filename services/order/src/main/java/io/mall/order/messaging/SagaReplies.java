package io.mall.order.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.PaymentActionRequired;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.payment.PaymentFailed;
import io.mall.contracts.payment.PaymentRefunded;
import io.mall.contracts.product.StockRejected;
import io.mall.contracts.product.StockReserved;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.shipping.ShipmentRefused;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.order.app.Orders;
import io.mall.order.domain.Order;
import io.mall.order.domain.OrderEvent;
import io.smallrye.mutiny.Uni;

/**
 * The answers to the saga's commands, from {@code product.events}, {@code payment.events} and
 * {@code shipping.events}. Each becomes an event of its order only when the order waits for it, so
 * a repeated or late answer changes nothing (no id needs remembering); the other facts on those
 * topics (a product's new price, a shipment's hub scan) are not the order's business.
 */
@ApplicationScoped
public class SagaReplies {

    private final Orders orders;
    private final Inbox inbox;

    SagaReplies(Orders orders, Inbox inbox) {
        this.orders = orders;
        this.inbox = inbox;
    }

    @Incoming("product-events")
    public Uni<Void> fromProduct(Message<String> message) {
        return inbox.processIdempotent("order-product-events", message, event -> switch (event.type()) {
            case EventTypes.STOCK_RESERVED -> {
                StockReserved reserved = event.data(StockReserved.class);
                yield reply(reserved.orderId(), event, order -> order.stockReserved(reserved.expiresAt()));
            }
            case EventTypes.STOCK_REJECTED -> {
                StockRejected rejected = event.data(StockRejected.class);
                yield reply(rejected.orderId(), event, order -> order.stockRejected(rejected.unavailable(),
                        rejected.reason() != null ? rejected.reason() : "out of stock: " + rejected.unavailable()));
            }
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("payment-events")
    public Uni<Void> fromPayment(Message<String> message) {
        return inbox.processIdempotent("order-payment-events", message, event -> switch (event.type()) {
            case EventTypes.PAYMENT_CAPTURED -> {
                PaymentCaptured captured = event.data(PaymentCaptured.class);
                yield reply(captured.orderId(), event, order -> order.paymentCaptured(captured.paymentId(), captured.amountMinor()));
            }
            case EventTypes.PAYMENT_FAILED -> {
                PaymentFailed failed = event.data(PaymentFailed.class);
                yield reply(failed.orderId(), event, order -> order.paymentFailed(failed.code(), failed.reason()));
            }
            case EventTypes.PAYMENT_ACTION_REQUIRED -> {
                PaymentActionRequired pending = event.data(PaymentActionRequired.class);
                yield reply(pending.orderId(), event, order -> order.paymentPending(pending.method(), pending.bank(),
                        pending.accountNumber(), pending.approvalUrl(), pending.expiresAt()));
            }
            case EventTypes.PAYMENT_REFUNDED -> {
                PaymentRefunded refunded = event.data(PaymentRefunded.class);
                yield reply(refunded.orderId(), event, order -> order.refunded(refunded.refundId(), refunded.amountMinor(), refunded.fully()));
            }
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("shipping-events")
    public Uni<Void> fromShipping(Message<String> message) {
        return inbox.processIdempotent("order-shipping-events", message, event -> switch (event.type()) {
            case EventTypes.SHIPMENT_CREATED -> {
                ShipmentCreated created = event.data(ShipmentCreated.class);
                yield reply(created.orderId(), event, order -> order.shipmentCreated(created.shipmentId(), created.carrier(),
                        created.trackingNumber(), created.promisedBy()));
            }
            case EventTypes.SHIPMENT_REFUSED -> {
                ShipmentRefused refused = event.data(ShipmentRefused.class);
                yield reply(refused.orderId(), event, order -> order.shipmentRefused(refused.reason()));
            }
            case EventTypes.SHIPMENT_UPDATED -> {
                ShipmentUpdated updated = event.data(ShipmentUpdated.class);
                // the parcel left the warehouse with its first scan after the label, whichever the carrier sent
                yield "LABEL_CREATED".equals(updated.status()) || "CANCELLED".equals(updated.status()) ? Uni.createFrom().voidItem()
                        : reply(updated.orderId(), event, order -> order.shipped(updated.at()));
            }
            case EventTypes.SHIPMENT_DELIVERED -> {
                ShipmentUpdated delivered = event.data(ShipmentUpdated.class);
                yield reply(delivered.orderId(), event, order -> order.delivered(delivered.at()));
            }
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> reply(UUID orderId, ReceivedEnvelope event, Function<Order, Optional<OrderEvent>> decision) {
        return orders.reply(orderId, event.id(), decision);
    }
}

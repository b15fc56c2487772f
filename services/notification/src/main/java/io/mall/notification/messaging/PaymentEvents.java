package io.mall.notification.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.payment.PaymentFailed;
import io.mall.contracts.payment.PaymentRefunded;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.notification.app.Notices;
import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;

/**
 * {@code payment.events}: money taken, not taken, or given back, told to the order's owner. A
 * payment cancelled with its order is not told as a failure: the cancellation is.
 */
@ApplicationScoped
public class PaymentEvents {

    private static final String CONSUMER = "payment-events";

    private final Notices notices;
    private final Inbox inbox;

    PaymentEvents(Notices notices, Inbox inbox) {
        this.notices = notices;
        this.inbox = inbox;
    }

    @Incoming("payment-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        Map<String, String> facts = new HashMap<>();
        switch (event.type()) {
            case EventTypes.PAYMENT_CAPTURED: {
                PaymentCaptured captured = event.data(PaymentCaptured.class);
                facts.put("orderId", captured.orderId().toString());
                facts.put("amount", Long.toString(captured.amountMinor()));
                facts.put("currency", captured.currency());
                facts.put("method", captured.method());
                return notices.tellOwnerOf(captured.orderId(), event.id(), Trigger.PAYMENT_CAPTURED, facts, event.time());
            }
            case EventTypes.PAYMENT_FAILED: {
                PaymentFailed failed = event.data(PaymentFailed.class);
                if ("CANCELLED".equals(failed.code())) {
                    return Uni.createFrom().voidItem();
                }
                facts.put("orderId", failed.orderId().toString());
                facts.put("code", failed.code());
                facts.put("reason", failed.reason());
                return notices.tellOwnerOf(failed.orderId(), event.id(), Trigger.PAYMENT_FAILED, facts, event.time());
            }
            case EventTypes.PAYMENT_REFUNDED: {
                PaymentRefunded refunded = event.data(PaymentRefunded.class);
                facts.put("orderId", refunded.orderId().toString());
                facts.put("amount", Long.toString(refunded.amountMinor()));
                facts.put("refundedTotal", Long.toString(refunded.refundedTotalMinor()));
                facts.put("currency", refunded.currency());
                facts.put("fully", Boolean.toString(refunded.fully()));
                if (refunded.reason() != null) {
                    facts.put("reason", refunded.reason());
                }
                return notices.tellOwnerOf(refunded.orderId(), event.id(), Trigger.REFUNDED, facts, event.time());
            }
            default:
                return Uni.createFrom().voidItem();
        }
    }
}

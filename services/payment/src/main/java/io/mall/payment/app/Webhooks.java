package io.mall.payment.app;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mall.domain.BrokenRule;
import io.mall.domain.NotAuthenticated;
import io.mall.domain.NotFound;
import io.mall.payment.client.paypal.PayPalGateway;
import io.mall.payment.client.stripe.StripeGateway;
import io.mall.payment.client.stripe.StripeWebhooks;
import io.mall.payment.store.WebhookEvents;
import io.smallrye.mutiny.Uni;

/**
 * Gateways' notifications. Each is verified (signature) before anything is read, taken once per
 * event id, and never believed about money: the payment it names is looked up at the gateway and
 * recorded as it stands there ({@link Payments#notified}).
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);

    /** The transmission headers PayPal signs a webhook with. */
    public record PayPalTransmission(String id, String time, String signature, String certUrl, String algorithm) {
    }

    private final StripeWebhooks stripe;
    private final PayPalGateway paypal;
    private final ObjectMapper json;
    private final WebhookEvents events;
    private final Payments payments;
    private final Clock clock;

    Webhooks(StripeWebhooks stripe, PayPalGateway paypal, ObjectMapper json, WebhookEvents events, Payments payments, Clock clock) {
        this.stripe = stripe;
        this.paypal = paypal;
        this.json = json;
        this.events = events;
        this.payments = payments;
        this.clock = clock;
    }

    /** @return whether the event was processed now (false: seen before, or about nothing of ours) */
    public Uni<Boolean> fromStripe(String body, String signature) {
        StripeWebhooks.Event event = stripe.verify(body, signature, clock.instant());
        return once(StripeGateway.NAME, event.id(), event.type(), event.paymentIntent());
    }

    /** Verified by asking PayPal (its verify-webhook-signature API) before anything in it is used. */
    public Uni<Boolean> fromPayPal(String body, PayPalTransmission transmission) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new BrokenRule("body", "is not a PayPal event");
        }
        if (event == null || !event.isObject() || transmission.id() == null || transmission.signature() == null) {
            throw new NotAuthenticated("the PayPal transmission headers are missing");
        }
        ObjectNode verification = json.createObjectNode()
                .put("auth_algo", transmission.algorithm())
                .put("cert_url", transmission.certUrl())
                .put("transmission_id", transmission.id())
                .put("transmission_sig", transmission.signature())
                .put("transmission_time", transmission.time());
        verification.set("webhook_event", event);
        return paypal.verifyWebhook(verification).chain(genuine -> {
            if (!genuine) {
                throw new NotAuthenticated("PayPal does not confirm this webhook's signature");
            }
            JsonNode resource = event.path("resource");
            String type = event.path("event_type").asText();
            String order = type.startsWith("CHECKOUT.ORDER.") ? resource.path("id").asText(null)
                    : resource.path("supplementary_data").path("related_ids").path("order_id").asText(null);
            return once(PayPalGateway.NAME, event.path("id").asText(), type, order);
        });
    }

    private Uni<Boolean> once(String gateway, String eventId, String type, String reference) {
        return events.seen(gateway, eventId).chain(seen -> {
            if (seen) {
                return Uni.createFrom().item(false);
            }
            Uni<Boolean> processed = reference == null ? Uni.createFrom().item(false)
                    : payments.notified(gateway, reference).replaceWith(true)
                            .onFailure(NotFound.class).recoverWithItem(unknown -> {
                                LOG.debugf("%s event %s is about %s, no payment of ours", gateway, eventId, reference);
                                return false;
                            });
            // remembered only once processed: a failure here lets the gateway send it again
            return processed.call(() -> events.remember(gateway, eventId, type));
        });
    }
}

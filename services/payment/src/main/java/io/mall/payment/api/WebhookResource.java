package io.mall.payment.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;

import io.mall.payment.app.Webhooks;
import io.smallrye.mutiny.Uni;

/**
 * Where gateways post their events. Open to the network (gateways hold no token of ours) and
 * trusted only by their signature; the raw body is what is signed, so it is read as it came.
 */
@Path("/api/v1/payments/webhooks")
public class WebhookResource {

    /** What a gateway is told; it only needs a 2xx. */
    public record Received(boolean processed) {
    }

    private final Webhooks webhooks;

    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/stripe")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Received> stripe(String body, @RestHeader("Stripe-Signature") String signature) {
        return webhooks.fromStripe(body, signature).map(Received::new);
    }

    @POST
    @Path("/paypal")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Received> paypal(String body, @RestHeader("PAYPAL-TRANSMISSION-ID") String id,
            @RestHeader("PAYPAL-TRANSMISSION-TIME") String time, @RestHeader("PAYPAL-TRANSMISSION-SIG") String signature,
            @RestHeader("PAYPAL-CERT-URL") String certUrl, @RestHeader("PAYPAL-AUTH-ALGO") String algorithm) {
        return webhooks.fromPayPal(body, new Webhooks.PayPalTransmission(id, time, signature, certUrl, algorithm)).map(Received::new);
    }
}

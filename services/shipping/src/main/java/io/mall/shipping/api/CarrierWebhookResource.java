package io.mall.shipping.api;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.mall.shipping.app.ParcelTracking;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' tracking webhooks, one path per carrier. Open to the network (a carrier has no token of
 * ours), so each call is proven by the carrier's adapter (a signature over the raw body, or the
 * shared secret the subscription set) before anything is read: otherwise 401, nothing changed.
 */
@Path("/api/v1/shipping/carriers/{carrier}/webhook")
public class CarrierWebhookResource {

    /** How many of the call's tracking numbers are shipments here. */
    public record Received(int shipments) {
    }

    private final ParcelTracking tracking;

    CarrierWebhookResource(ParcelTracking tracking) {
        this.tracking = tracking;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Received> receive(@PathParam("carrier") String carrier, HttpHeaders headers, byte[] body) {
        Map<String, String> named = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> named.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        return tracking.fromWebhook(carrier, named, body == null ? new byte[0] : body).map(Received::new);
    }
}

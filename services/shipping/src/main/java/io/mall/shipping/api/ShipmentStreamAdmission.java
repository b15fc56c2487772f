package io.mall.shipping.api;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.mall.domain.BrokenRule;
import io.mall.domain.NotFound;
import io.mall.shipping.app.ParcelTracking;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Decides a live stream's answer before it opens: once an event stream has begun, its status and
 * headers are sent and a refusal could no longer be a problem response. Another shopper's shipment
 * is a 404 problem; a journey that is over, with nothing the client has not seen, a 204 (which
 * tells an EventSource to stop reconnecting). A caller without a valid token is left to the
 * endpoint's role check (401).
 */
public class ShipmentStreamAdmission {

    private final ParcelTracking tracking;
    private final CurrentIdentityAssociation identities;

    ShipmentStreamAdmission(ParcelTracking tracking, CurrentIdentityAssociation identities) {
        this.tracking = tracking;
        this.identities = identities;
    }

    @ServerRequestFilter
    @ShipmentStream
    Uni<Response> admit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
                return Uni.createFrom().nullItem();
            }
            UUID id = shipmentId(request.getUriInfo().getPathParameters().getFirst("id"));
            int after = lastSeen(request.getHeaderString("Last-Event-ID"));
            return tracking.hasMoreFor(scope(identity), id, after)
                    .map(more -> more ? null : Response.noContent().build());
        });
    }

    /** Staff see every shipment ({@code null}); a shopper only their own. */
    private static UUID scope(SecurityIdentity identity) {
        if (identity.hasRole("SUPPORT") || identity.hasRole("ADMIN")) {
            return null;
        }
        try {
            return UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject());
        } catch (RuntimeException e) {
            // a token that names no shopper sees nothing
            return new UUID(0, 0);
        }
    }

    private static UUID shipmentId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new NotFound("no shipment " + value);
        }
    }

    /** The number of the last event the client saw (0: none). */
    static int lastSeen(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            int seq = Integer.parseInt(lastEventId.strip());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new BrokenRule("Last-Event-ID", "must be the id of an event of this stream (a whole number)");
        }
    }
}

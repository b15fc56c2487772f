package io.mall.shipping.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.domain.BrokenRule;
import io.mall.shipping.app.ParcelTracking;
import io.mall.shipping.domain.Shipment;
import io.mall.shipping.domain.TrackingEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Shipments and where they are: a shopper sees their own (another's is 404), SUPPORT and ADMIN
 * see all. The live stream is server-sent events whose ids are the history's numbers, so a client
 * that reconnects with {@code Last-Event-ID} gets only what it missed.
 */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    public record EventView(int seq, String status, String place, String detail, Instant at) {

        static EventView of(TrackingEvent event) {
            return new EventView(event.seq, event.status.name(), event.place, event.detail, event.at);
        }
    }

    /** A shipment without its recipient: tracking pages show where a parcel is, not who gets it. */
    public record ShipmentView(UUID id, UUID orderId, String status, String option, String carrier, String trackingNumber,
            LocalDate promisedBy, String country, String postalCode, String city, Instant createdAt, Instant updatedAt,
            List<EventView> history) {

        static ShipmentView of(Shipment shipment, List<TrackingEvent> history) {
            return new ShipmentView(shipment.id, shipment.orderId, shipment.status.name(), shipment.option.name(), shipment.carrier,
                    shipment.trackingNumber, shipment.promisedBy, shipment.country, shipment.postalCode, shipment.city,
                    shipment.createdAt, shipment.updatedAt, history == null ? null : history.stream().map(EventView::of).toList());
        }

        static ShipmentView of(ParcelTracking.Record record) {
            return of(record.shipment(), record.history());
        }
    }

    private final ParcelTracking tracking;
    private final JsonWebToken caller;

    ShipmentResource(ParcelTracking tracking, JsonWebToken caller) {
        this.tracking = tracking;
        this.caller = caller;
    }

    /** My shipments, newest first (without histories); {@code ?orderId=} answers that order's, with its history. */
    @GET
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<List<ShipmentView>> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID scope = Callers.scope(caller);
        if (orderId != null) {
            return tracking.ofOrder(scope, orderId).map(record -> List.of(ShipmentView.of(record)));
        }
        if (scope == null) {
            throw new BrokenRule("orderId", "is required for staff (a shipment is looked up by its order)");
        }
        return tracking.of(scope, page, size).map(found -> found.stream().map(shipment -> ShipmentView.of(shipment, null)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<ShipmentView> find(@PathParam("id") UUID id) {
        return tracking.find(Callers.scope(caller), id).map(ShipmentView::of);
    }

    /**
     * The history after {@code Last-Event-ID} (all of it without one), then each update as it
     * happens; the stream ends after the last event of the journey. Who may follow it, and whether
     * anything is left to send (204 if not), {@link ShipmentStreamAdmission} decided before it opened.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    @ShipmentStream
    public Multi<OutboundSseEvent> events(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        return tracking.follow(id, ShipmentStreamAdmission.lastSeen(lastEventId)).map(update -> update.isKeepAlive()
                ? sse.newEventBuilder().comment("keep-alive").build()
                : sse.newEventBuilder().id(String.valueOf(update.event().seq)).name("tracking")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(EventView.of(update.event())).build());
    }
}

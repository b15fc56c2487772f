package io.mall.notification.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.mall.notification.app.DeliveryHistory;
import io.mall.notification.domain.DeliveryStatus;
import io.mall.notification.store.DeliveryLog;
import io.smallrye.mutiny.Uni;

/** The delivery log, for support staff: what was sent to whom, how each attempt went; a failed one sent again by an admin. */
@Path("/api/v1/notifications/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SUPPORT", "ADMIN" })
public class DeliveryResource {

    public record DeliveryPage(List<DeliveryLog.Entry> items, long total, int page, int size) {
    }

    private final DeliveryHistory history;

    DeliveryResource(DeliveryHistory history) {
        this.history = history;
    }

    @GET
    public Uni<DeliveryPage> page(@QueryParam("userId") UUID userId, @QueryParam("status") DeliveryStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return history.page(userId, status, page, size).map(found -> new DeliveryPage(found.items(), found.total(), page, size));
    }

    /** 200 with the delivery, pending again; 409 when it is not dead or refused. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed("ADMIN")
    public Uni<DeliveryLog.Entry> retry(@PathParam("id") UUID id) {
        return history.retry(id);
    }
}

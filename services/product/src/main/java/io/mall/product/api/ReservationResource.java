package io.mall.product.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mall.contracts.product.StockLine;
import io.mall.domain.NotFound;
import io.mall.product.domain.Reservation;
import io.mall.product.app.Inventory;
import io.smallrye.mutiny.Uni;

/**
 * Stock reservations over HTTP for services inside the cluster (the edge does not route
 * {@code /internal}); the order saga uses the same operations through {@code product.commands}.
 */
@RolesAllowed("SERVICE")
@Path("/internal/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    public record ReservationView(String orderId, String state, List<StockLine> lines, List<String> unavailable, Instant expiresAt) {
        static ReservationView of(Reservation r) {
            return new ReservationView(r.orderId, r.state.name(),
                    r.lines.stream().map(l -> new StockLine(l.sku, l.quantity)).toList(), r.unavailable, r.expiresAt);
        }
    }

    private final Inventory inventory;

    ReservationResource(Inventory inventory) {
        this.inventory = inventory;
    }

    @POST
    public Uni<ReservationView> reserve(@Valid @NotNull Requests.Reservation request) {
        return inventory.reserve(request.orderId(), request.lines().stream().map(l -> new StockLine(l.sku(), l.quantity())).toList())
                .map(ReservationView::of);
    }

    @POST
    @Path("/{orderId}/release")
    public Uni<ReservationView> release(@PathParam("orderId") UUID orderId) {
        return inventory.release(orderId, false).map(ReservationView::of);
    }

    @POST
    @Path("/{orderId}/commit")
    public Uni<ReservationView> commit(@PathParam("orderId") UUID orderId) {
        return inventory.commit(orderId).map(ReservationView::of);
    }

    @GET
    @Path("/{orderId}")
    public Uni<ReservationView> find(@PathParam("orderId") UUID orderId) {
        return inventory.reservation(orderId).map(r -> {
            if (r == null) {
                throw new NotFound("no reservation for order " + orderId);
            }
            return ReservationView.of(r);
        });
    }
}

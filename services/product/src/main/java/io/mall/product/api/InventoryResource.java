package io.mall.product.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.idempotency.IdempotencyKeys;
import io.mall.domain.NotFound;
import io.mall.product.domain.StockAdjustment;
import io.mall.product.domain.StockItem;
import io.mall.product.app.Inventory;
import io.smallrye.mutiny.Uni;

/** Stock per SKU for staff: levels, restocks and corrections with their audit trail. */
@Path("/api/v1/inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    public record StockView(String sku, String productId, int available, int reserved, int lowStockThreshold,
            List<StockAdjustment> audit) {
        static StockView of(StockItem item) {
            return new StockView(item.sku, item.productId, item.available, item.reserved, item.lowStockThreshold, item.audit);
        }
    }

    private final Inventory inventory;
    private final IdempotencyKeys idempotency;
    private final JsonWebToken caller;

    InventoryResource(Inventory inventory, IdempotencyKeys idempotency, JsonWebToken caller) {
        this.inventory = inventory;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({ "ADMIN", "SUPPORT" })
    public Uni<StockView> find(@PathParam("sku") String sku) {
        return inventory.of(List.of(sku)).map(items -> {
            if (items.isEmpty()) {
                throw new NotFound("no SKU " + sku);
            }
            return StockView.of(items.get(0));
        });
    }

    /**
     * Adds ({@code delta > 0}, a delivery) or removes ({@code delta < 0}, damage, a count) units.
     * Needs an {@code Idempotency-Key}: booking a delivery twice because an answer was lost would
     * put stock on sale that is not there.
     */
    @POST
    @Path("/{sku}/adjustments")
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<StockView>> adjust(@PathParam("sku") String sku, @RestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull Requests.Adjustment request) {
        return idempotency.once(idempotencyKey, true, caller.getSubject(), "POST /api/v1/inventory/" + sku + "/adjustments", request,
                StockView.class, () -> inventory.adjust(sku, request.delta(), request.reason(), caller.getSubject())
                        .map(item -> RestResponse.ok(StockView.of(item))));
    }

}

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

import io.mall.problem.ProblemException;
import io.mall.product.domain.StockAdjustment;
import io.mall.product.domain.StockItem;
import io.mall.product.store.Inventory;
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
    private final JsonWebToken caller;

    InventoryResource(Inventory inventory, JsonWebToken caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({ "ADMIN", "SUPPORT" })
    public Uni<StockView> find(@PathParam("sku") String sku) {
        return inventory.of(List.of(sku)).map(items -> {
            if (items.isEmpty()) {
                throw ProblemException.notFound("no SKU " + sku);
            }
            return StockView.of(items.get(0));
        });
    }

    /** Adds ({@code delta > 0}, a delivery) or removes ({@code delta < 0}, damage, a count) units. */
    @POST
    @Path("/{sku}/adjustments")
    @RolesAllowed("ADMIN")
    public Uni<StockView> adjust(@PathParam("sku") String sku, @Valid @NotNull Requests.Adjustment request) {
        return inventory.adjust(sku, request.delta(), request.reason(), caller.getName()).map(StockView::of);
    }

}

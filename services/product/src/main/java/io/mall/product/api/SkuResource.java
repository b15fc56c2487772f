package io.mall.product.api;

import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.mall.problem.ProblemException;
import io.mall.product.domain.Product;
import io.mall.product.domain.StockItem;
import io.mall.product.domain.Variant;
import io.mall.product.app.Catalog;
import io.mall.product.app.Inventory;
import io.smallrye.mutiny.Uni;

/**
 * What other services need to know about SKUs (the cart: does it exist, is it sold, its current
 * price and stock), in one call for many. Inside the cluster only: the edge does not route it.
 */
@RolesAllowed("SERVICE")
@Path("/internal/skus")
@Produces(MediaType.APPLICATION_JSON)
public class SkuResource {

    /**
     * A SKU as a buyer would see it now; unknown SKUs are simply absent from the answer.
     *
     * @param weightGrams the packed weight the shipping service quotes fees by
     */
    public record SkuView(String sku, String productId, String name, String image, long price, String currency, int available,
            boolean archived, int weightGrams) {
    }

    private static final int MAX_SKUS = 200;

    private final Catalog catalog;
    private final Inventory inventory;

    SkuResource(Catalog catalog, Inventory inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @GET
    public Uni<List<SkuView>> find(@QueryParam("sku") List<String> skus) {
        if (skus == null || skus.isEmpty() || skus.size() > MAX_SKUS) {
            throw new ProblemException(400, "give 1 to " + MAX_SKUS + " sku parameters");
        }
        return inventory.of(skus).chain(stock -> catalog.findAll(stock.stream().map(s -> s.productId).distinct().toList())
                .map(products -> stock.stream().map(item -> view(item, products)).filter(Objects::nonNull).toList()));
    }

    private static SkuView view(StockItem item, List<Product> products) {
        Product product = products.stream().filter(p -> p.id.equals(item.productId)).findFirst().orElse(null);
        Variant variant = product == null ? null : product.variant(item.sku).orElse(null);
        if (variant == null) {
            return null;
        }
        return new SkuView(item.sku, product.id, product.name, product.images.isEmpty() ? null : product.images.get(0),
                variant.price, variant.currency, item.available, product.archived, variant.weightGrams);
    }
}

package io.mall.order.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** The product service's SKU lookup: today's price of each variant. */
@RegisterRestClient(configKey = "product")
@OidcClientFilter
@Path("/internal/skus")
public interface ProductClient {

    /** What the order reads of a SKU; unknown SKUs are absent from the answer. */
    record Sku(String sku, String productId, String name, long price, String currency, int available, boolean archived) {
    }

    @GET
    Uni<List<Sku>> find(@QueryParam("sku") List<String> skus);
}

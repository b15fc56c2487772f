package io.mall.shipping.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * The product service's SKU lookup ({@code GET /internal/skus?sku=...}), by Service DNS in the
 * cluster, with this service's token (quarkus-oidc-client gets it from the user service).
 */
@RegisterRestClient(configKey = "product")
@OidcClientFilter
@Path("/internal/skus")
interface ProductClient {

    /** What shipping reads of a SKU; the product service says more, which is ignored. */
    record SkuWeight(String sku, int weightGrams, boolean archived) {
    }

    @GET
    Uni<List<SkuWeight>> find(@QueryParam("sku") List<String> skus);
}

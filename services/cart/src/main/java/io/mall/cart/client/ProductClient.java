package io.mall.cart.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.mall.cart.domain.SkuInfo;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * The product service's SKU lookup ({@code GET /internal/skus?sku=...}), by Service DNS in the
 * cluster, with this service's token (quarkus-oidc-client gets it from the user service).
 */
@RegisterRestClient(configKey = "product")
@RegisterProvider(ProductRefusals.class)
@OidcClientFilter
@Path("/internal/skus")
interface ProductClient {

    @GET
    Uni<List<SkuInfo>> find(@QueryParam("sku") List<String> skus);
}

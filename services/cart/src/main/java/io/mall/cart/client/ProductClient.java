package io.mall.cart.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.mall.cart.domain.SkuInfo;
import io.smallrye.mutiny.Uni;

/** The product service's SKU lookup ({@code GET /internal/skus?sku=...}), by Service DNS in the cluster. */
@RegisterRestClient(configKey = "product")
@Path("/internal/skus")
public interface ProductClient {

    @GET
    Uni<List<SkuInfo>> find(@QueryParam("sku") List<String> skus);
}

package io.mall.order.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** A shopper's cart, read from the cart service when an order is placed from it (its prices are not used). */
@RegisterRestClient(configKey = "cart")
@OidcClientFilter
@Path("/internal/carts")
public interface CartClient {

    record Cart(List<Line> lines) {
    }

    record Line(String sku, int quantity) {
    }

    @GET
    @Path("/{userId}")
    Uni<Cart> read(@PathParam("userId") String userId);
}

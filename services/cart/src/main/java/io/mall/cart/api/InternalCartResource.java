package io.mall.cart.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mall.cart.app.Carts;
import io.mall.cart.domain.PricedCart;
import io.mall.cart.store.CartStore;
import io.smallrye.mutiny.Uni;

/**
 * The order service reads a user's cart when an order is placed from it: today's prices and
 * stock flags. Inside the cluster only; the cart is cleared when the order is confirmed
 * ({@code order.confirmed} on {@code order.events}).
 */
@RolesAllowed("SERVICE")
@Path("/internal/carts")
@Produces(MediaType.APPLICATION_JSON)
public class InternalCartResource {

    private final Carts carts;

    InternalCartResource(Carts carts) {
        this.carts = carts;
    }

    @GET
    @Path("/{userId}")
    public Uni<PricedCart> read(@PathParam("userId") String userId) {
        return carts.read(CartStore.Owner.user(userId));
    }
}

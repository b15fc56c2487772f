package io.mall.cart.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.mall.cart.app.Carts;
import io.mall.cart.client.Products;
import io.mall.cart.domain.CartLine;
import io.mall.cart.domain.PricedCart;
import io.mall.cart.domain.SkuInfo;
import io.mall.cart.store.CartStore;
import io.mall.cart.store.WishlistStore;
import io.mall.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** A signed-in shopper's wishlist, with today's prices, and moving items into the cart. */
@Path("/api/v1/wishlist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("CUSTOMER")
public class WishlistResource {

    record Item(@NotBlank @Pattern(regexp = CartResource.SKU, message = "must be a SKU") String sku) {
    }

    /** A wished item at today's price; {@code stale} when the product service could not be asked. */
    public record WishedItem(String sku, String productId, String name, String image, long price, String currency,
            long savedAtPrice, boolean inStock, boolean unavailable, boolean stale) {
    }

    private final WishlistStore wishlist;
    private final Carts carts;
    private final Products products;
    private final Owners owners;

    WishlistResource(WishlistStore wishlist, Carts carts, Products products, Owners owners) {
        this.wishlist = wishlist;
        this.carts = carts;
        this.products = products;
        this.owners = owners;
    }

    @GET
    public Uni<List<WishedItem>> list() {
        return userId().chain(user -> wishlist.list(user)).chain(items -> Uni.createFrom().deferred(() -> products.lookup(items.stream().map(CartLine::sku).toList()))
                .map(current -> items.stream().map(item -> wished(item, current, false)).toList())
                .onFailure().recoverWithItem(failure -> items.stream().map(item -> wished(item, Map.of(), true)).toList()));
    }

    @POST
    @ResponseStatus(201)
    public Uni<List<WishedItem>> add(@Valid @NotNull Item request) {
        return userId().chain(user -> carts.sku(request.sku()).chain(info -> wishlist.add(user, new CartLine(info.sku(),
                info.productId(), info.name(), info.image(), info.price(), info.currency(), java.time.Instant.now()))))
                .chain(this::list);
    }

    @DELETE
    @Path("/{sku}")
    public Uni<List<WishedItem>> remove(@PathParam("sku") String sku) {
        return userId().chain(user -> wishlist.remove(user, sku)).chain(removed -> {
            if (!removed) {
                throw ProblemException.notFound("the wishlist has no " + sku);
            }
            return list();
        });
    }

    /** One unit into the cart (checked like any add); the item leaves the wishlist. */
    @POST
    @Path("/{sku}/move-to-cart")
    public Uni<PricedCart> moveToCart(@PathParam("sku") String sku) {
        return userId().chain(user -> wishlist.find(user, sku).chain(item -> {
            if (item == null) {
                throw ProblemException.notFound("the wishlist has no " + sku);
            }
            return carts.add(CartStore.Owner.user(user), sku, 1).call(() -> wishlist.remove(user, sku));
        }));
    }

    private Uni<String> userId() {
        return owners.caller().map(Owners::subject);
    }

    private static WishedItem wished(CartLine item, Map<String, SkuInfo> current, boolean stale) {
        SkuInfo now = current.get(item.sku());
        boolean unavailable = !stale && (now == null || now.archived());
        return new WishedItem(item.sku(), item.productId(), now != null ? now.name() : item.name(), item.image(),
                now != null ? now.price() : item.price(), now != null ? now.currency() : item.currency(), item.price(),
                now != null && now.canBeSold(1), unavailable, stale);
    }
}

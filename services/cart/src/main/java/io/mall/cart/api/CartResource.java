package io.mall.cart.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.mall.cart.app.Carts;
import io.mall.cart.domain.CartLimits;
import io.mall.cart.domain.PricedCart;
import io.mall.cart.store.CartStore;
import io.mall.cart.store.WishlistStore;
import io.mall.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The shopper's cart: a signed-in user's, or a guest's named by the {@code X-Cart-Token} header
 * (returned by the first add). Signing in, the guest cart is merged into the user's.
 */
@Path("/api/v1/cart")
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    static final String SKU = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    record AddLine(@NotBlank @Pattern(regexp = SKU, message = "must be a SKU") String sku,
            @NotNull @Min(1) @Max(CartLimits.MAX_QUANTITY) Integer quantity) {
    }

    record Quantity(@NotNull @Min(1) @Max(CartLimits.MAX_QUANTITY) Integer quantity) {
    }

    /** The cart after a merge, and how many guest lines did not fit. */
    record Merged(PricedCart cart, int linesLeftOut) {
    }

    private final Owners owners;
    private final Carts carts;
    private final CartStore store;
    private final WishlistStore wishlist;

    CartResource(Owners owners, Carts carts, CartStore store, WishlistStore wishlist) {
        this.owners = owners;
        this.carts = carts;
        this.store = store;
        this.wishlist = wishlist;
    }

    @GET
    @PermitAll
    public Uni<PricedCart> read(@HeaderParam(Owners.HEADER) String token) {
        return owners.resolve(token, false).chain(resolved -> resolved.owner() == null
                ? Uni.createFrom().item(new PricedCart(List.of(), 0, null, 0, false))
                : carts.read(resolved.owner()));
    }

    @POST
    @Path("/lines")
    @PermitAll
    public Uni<RestResponse<PricedCart>> add(@HeaderParam(Owners.HEADER) String token, @Valid @NotNull AddLine request,
            HttpServerRequest http) {
        return owners.resolve(token, true).chain(resolved -> carts.add(resolved.owner(), request.sku(), request.quantity(),
                http.remoteAddress().hostAddress())
                .map(cart -> {
                    RestResponse.ResponseBuilder<PricedCart> response = RestResponse.ResponseBuilder.ok(cart);
                    if (resolved.newGuestToken() != null) {
                        response.header(Owners.HEADER, resolved.newGuestToken());
                    }
                    return response.build();
                }));
    }

    @PUT
    @Path("/lines/{sku}")
    @PermitAll
    public Uni<PricedCart> change(@HeaderParam(Owners.HEADER) String token, @PathParam("sku") String sku,
            @Valid @NotNull Quantity request) {
        return existingOwner(token).chain(owner -> store.setQuantity(owner, sku, request.quantity()).chain(() -> carts.read(owner)));
    }

    @DELETE
    @Path("/lines/{sku}")
    @PermitAll
    public Uni<PricedCart> remove(@HeaderParam(Owners.HEADER) String token, @PathParam("sku") String sku) {
        return existingOwner(token).chain(owner -> store.remove(owner, sku).chain(() -> carts.read(owner)));
    }

    @DELETE
    @PermitAll
    public Uni<RestResponse<Void>> clear(@HeaderParam(Owners.HEADER) String token) {
        return existingOwner(token).chain(store::clear).map(done -> RestResponse.noContent());
    }

    /** After signing in: the guest cart joins the user's cart, and its token stops working. */
    @POST
    @Path("/merge")
    @RolesAllowed("CUSTOMER")
    public Uni<Merged> merge(@HeaderParam(Owners.HEADER) String token) {
        if (token == null) {
            throw ProblemException.invalidField(Owners.HEADER, "the guest cart's token is required");
        }
        return owners.guest(token).chain(guest -> owners.resolve(null, false)
                .chain(user -> store.merge(guest, user.owner())
                        .chain(leftOut -> carts.read(user.owner()).map(cart -> new Merged(cart, leftOut)))));
    }

    /** Moves a line to the wishlist (signed-in shoppers). */
    @POST
    @Path("/lines/{sku}/move-to-wishlist")
    @RolesAllowed("CUSTOMER")
    public Uni<PricedCart> moveToWishlist(@PathParam("sku") String sku) {
        return owners.resolve(null, false).chain(resolved -> store.read(resolved.owner()).chain(contents -> {
            var line = contents.lines().stream().filter(l -> l.sku().equals(sku)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("the cart has no line " + sku));
            String userId = resolved.owner().key().substring("user:".length());
            return wishlist.add(userId, line).chain(() -> store.remove(resolved.owner(), sku)).chain(() -> carts.read(resolved.owner()));
        }));
    }

    private Uni<CartStore.Owner> existingOwner(String token) {
        return owners.resolve(token, false).map(resolved -> {
            if (resolved.owner() == null) {
                throw ProblemException.notFound("no cart: send the " + Owners.HEADER + " header or sign in");
            }
            return resolved.owner();
        });
    }
}

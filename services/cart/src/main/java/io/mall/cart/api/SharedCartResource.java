package io.mall.cart.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.mall.cart.app.Carts;
import io.mall.cart.domain.CartLine;
import io.mall.cart.domain.PricedCart;
import io.mall.cart.store.CartStore;
import io.mall.cart.store.ShareStore;
import io.mall.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Read-only links to a snapshot of one's cart: anyone with the link reads it, a shopper can copy it. */
@Path("/api/v1/shared-carts")
@Produces(MediaType.APPLICATION_JSON)
public class SharedCartResource {

    record NewShare(@Min(1) @Max(720) Integer validForHours) {
    }

    public record ShareLink(String id, String path, Instant expiresAt) {
    }

    public record SharedCart(String id, PricedCart cart, Instant createdAt, Instant expiresAt) {
    }

    private final ShareStore shares;
    private final CartStore store;
    private final Carts carts;
    private final Owners owners;

    SharedCartResource(ShareStore shares, CartStore store, Carts carts, Owners owners) {
        this.shares = shares;
        this.store = store;
        this.carts = carts;
        this.owners = owners;
    }

    @POST
    @RolesAllowed("CUSTOMER")
    public Uni<RestResponse<ShareLink>> share(@Valid NewShare request) {
        Duration validFor = Duration.ofHours(request == null || request.validForHours() == null ? 168 : request.validForHours());
        return owners.caller().map(Owners::subject).chain(user -> store.read(CartStore.Owner.user(user)).chain(contents -> {
            if (contents.isEmpty()) {
                throw ProblemException.conflict("an empty cart cannot be shared");
            }
            return shares.create(user, contents, validFor);
        })).map(share -> {
            String path = "/api/v1/shared-carts/" + share.id();
            return RestResponse.ResponseBuilder.<ShareLink>created(URI.create(path))
                    .entity(new ShareLink(share.id(), path, share.expiresAt())).build();
        });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<SharedCart> read(@PathParam("id") String id) {
        return found(id).chain(share -> carts.price(new CartStore.Contents(share.lines(), share.quantities()))
                .map(cart -> new SharedCart(share.id(), cart, share.createdAt(), share.expiresAt())));
    }

    /** Adds every line of the shared cart to mine, each checked like any add. */
    @POST
    @Path("/{id}/copy")
    @RolesAllowed("CUSTOMER")
    public Uni<PricedCart> copy(@PathParam("id") String id) {
        return found(id).chain(share -> owners.caller().map(Owners::subject).chain(user -> {
            CartStore.Owner me = CartStore.Owner.user(user);
            return Multi.createFrom().iterable(share.lines())
                    .onItem().transformToUniAndConcatenate((CartLine line) -> carts.add(me, line.sku(), share.quantities().get(line.sku())))
                    .collect().last()
                    .chain(() -> carts.read(me));
        }));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("CUSTOMER")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String id) {
        return owners.caller().map(Owners::subject).chain(user -> shares.revoke(user, id)).map(revoked -> {
            if (!revoked) {
                throw ProblemException.notFound("no shared cart " + id + " of yours");
            }
            return RestResponse.noContent();
        });
    }

    private Uni<ShareStore.Share> found(String id) {
        return shares.find(id).map(share -> {
            if (share == null) {
                throw ProblemException.notFound("no shared cart " + id + " (it may have expired or been revoked)");
            }
            return share;
        });
    }
}

package io.mall.cart.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.cart.domain.GuestTokens;
import io.mall.cart.store.CartStore;
import io.mall.domain.NotFound;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Whose cart a request means: the signed-in user's (bearer token), or a guest's (the
 * {@value #HEADER} header). A guest token that opens no cart is refused, never adopted: a cart
 * only ever lives under a token this service made.
 */
@ApplicationScoped
public class Owners {

    public static final String HEADER = "X-Cart-Token";

    /** The owner, and the guest token to return when a new guest cart was started. */
    public record Resolved(CartStore.Owner owner, String newGuestToken) {
    }

    private final CurrentIdentityAssociation identity;
    private final CartStore store;

    Owners(CurrentIdentityAssociation identity, CartStore store) {
        this.identity = identity;
        this.store = store;
    }

    public Uni<SecurityIdentity> caller() {
        return identity.getDeferredIdentity();
    }

    /** @param startGuest whether a request without any credentials starts a guest cart (adding) or not (reading) */
    public Uni<Resolved> resolve(String guestToken, boolean startGuest) {
        return caller().chain(caller -> {
            if (!caller.isAnonymous()) {
                return Uni.createFrom().item(new Resolved(CartStore.Owner.user(subject(caller)), null));
            }
            if (guestToken == null || guestToken.isBlank()) {
                if (!startGuest) {
                    return Uni.createFrom().item(new Resolved(null, null));
                }
                String token = GuestTokens.newToken();
                return Uni.createFrom().item(new Resolved(CartStore.Owner.guest(GuestTokens.hash(token)), token));
            }
            return guest(guestToken).map(owner -> new Resolved(owner, null));
        });
    }

    /** The guest cart behind a token; 404 for a token that opens nothing (expired, merged, or guessed). */
    public Uni<CartStore.Owner> guest(String token) {
        if (!GuestTokens.isWellFormed(token)) {
            return Uni.createFrom().failure(new NotFound("no cart for this " + HEADER));
        }
        CartStore.Owner owner = CartStore.Owner.guest(GuestTokens.hash(token));
        return store.exists(owner).map(exists -> {
            if (!exists) {
                throw new NotFound("no cart for this " + HEADER);
            }
            return owner;
        });
    }

    static String subject(SecurityIdentity caller) {
        if (caller.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return caller.getPrincipal().getName();
    }
}

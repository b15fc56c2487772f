package io.mall.review.api;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.domain.NotAuthenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Who is asking: a signed-in user's id, or nobody on the public reads. */
final class Callers {

    private Callers() {
    }

    static String self(JsonWebToken caller) {
        try {
            return UUID.fromString(caller.getSubject()).toString();
        } catch (RuntimeException e) {
            throw new NotAuthenticated("the token does not name a user");
        }
    }

    /** Who reads a public page: a signed-in user (and whether staff), or nobody. */
    record Reader(String id, boolean staff) {
    }

    /**
     * The reader of a public page, once their token (if they sent one) is verified: an endpoint open
     * to everyone does not resolve the caller before it runs, and resolving it may not block the IO
     * thread.
     */
    static Uni<Reader> reader(CurrentIdentityAssociation identity) {
        return identity.getDeferredIdentity().map(found -> {
            if (found.isAnonymous() || !(found.getPrincipal() instanceof JsonWebToken token)) {
                return new Reader(null, false);
            }
            return new Reader(self(token), found.hasRole("SUPPORT") || found.hasRole("ADMIN"));
        });
    }
}

package io.mall.order.api;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.domain.NotAuthenticated;

/** Who is asking, and whose orders that lets them see. */
final class Callers {

    private Callers() {
    }

    static UUID self(JsonWebToken caller) {
        try {
            return UUID.fromString(caller.getSubject());
        } catch (RuntimeException e) {
            throw new NotAuthenticated("the token does not name a shopper");
        }
    }

    /** Staff see every order ({@code null}: no limit); a shopper only their own. */
    static UUID scope(JsonWebToken caller) {
        if (caller.getGroups().contains("SUPPORT") || caller.getGroups().contains("ADMIN")) {
            return null;
        }
        return self(caller);
    }
}

package io.mall.payment.api;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.domain.NotAuthenticated;

/** Who is asking, and whose payments that lets them read. */
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

    /** Staff read anyone's (or {@code requested}'s); a shopper reads only their own, whatever they ask for. */
    static UUID scope(JsonWebToken caller, UUID requested) {
        if (caller.getGroups().contains("SUPPORT") || caller.getGroups().contains("ADMIN")) {
            return requested;
        }
        return self(caller);
    }
}

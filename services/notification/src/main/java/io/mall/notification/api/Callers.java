package io.mall.notification.api;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.domain.NotAuthenticated;

/** Who is asking: every notification endpoint acts on the caller's own notifications. */
final class Callers {

    private Callers() {
    }

    static UUID self(JsonWebToken caller) {
        try {
            return UUID.fromString(caller.getSubject());
        } catch (RuntimeException e) {
            throw new NotAuthenticated("the token does not name a user");
        }
    }
}

package io.mall.sessions;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses an access token whose session ({@code sid}) has been revoked, as if it had expired: the
 * caller gets a 401 problem and signs in again. Tokens without a session (service tokens) pass.
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    private final RevokedSessions revoked;
    private final Clock clock;

    @Inject
    RevokedSessionCheck(RevokedSessions revoked) {
        this(revoked, Clock.systemUTC());
    }

    RevokedSessionCheck(RevokedSessions revoked, Clock clock) {
        this.revoked = revoked;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String session = sessionOf(token);
            if (session != null && revoked.isRevoked(session, clock.instant())) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended; sign in again"));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static String sessionOf(JsonWebToken token) {
        Object session = token.getClaim("sid");
        if (session instanceof JsonString json) {
            return json.getString();
        }
        return session == null ? null : session.toString();
    }
}

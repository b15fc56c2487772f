package io.mall.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

class RevokedSessionCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final RevokedSessions revoked = new RevokedSessions();
    private final RevokedSessionCheck check = new RevokedSessionCheck(revoked, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID session = UUID.randomUUID();

    @Test
    void aTokenOfARevokedSessionIsRefused() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);

        assertThatThrownBy(() -> check.augment(identity(session.toString()), null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("the session has ended; sign in again");
    }

    @Test
    void aTokenOfAnotherSessionPasses() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);
        SecurityIdentity identity = identity(UUID.randomUUID().toString());

        assertThat(check.augment(identity, null).await().indefinitely()).isSameAs(identity);
    }

    @Test
    void aTokenWithoutASessionPasses() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);
        SecurityIdentity identity = identity(null);

        assertThat(check.augment(identity, null).await().indefinitely()).isSameAs(identity);
    }

    private static SecurityIdentity identity(String session) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("u-1");
        if (session != null) {
            claims.setClaim("sid", session);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal("JWT", claims))
                .addRole("CUSTOMER")
                .build();
    }
}

package io.mall.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final RevokedSessions revoked = new RevokedSessions();
    private final UUID session = UUID.randomUUID();

    @Test
    void aRevokedSessionIsRefusedUntilItsLastTokenExpires() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);

        assertThat(revoked.isRevoked(session.toString(), NOW)).isTrue();
        assertThat(revoked.isRevoked(session.toString(), NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(revoked.isRevoked(session.toString(), NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void otherSessionsAreNotRevoked() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);

        assertThat(revoked.isRevoked(UUID.randomUUID().toString(), NOW)).isFalse();
    }

    @Test
    void anEarlierRevocationArrivingLateDoesNotShortenALaterOne() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(5)), NOW);

        assertThat(revoked.isRevoked(session.toString(), NOW.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void aRevocationWhoseTokensExpiredAlreadyIsNotKept() {
        revoked.revoke(List.of(session), NOW.minusSeconds(1), NOW);

        assertThat(revoked.isRevoked(session.toString(), NOW.minusSeconds(2))).isFalse();
        assertThat(revoked.size()).isZero();
    }

    @Test
    void sessionsWhoseTokensExpiredAreForgottenAtTheNextRevocation() {
        revoked.revoke(List.of(session), NOW.plus(Duration.ofMinutes(15)), NOW);
        Instant later = NOW.plus(Duration.ofMinutes(20));

        revoked.revoke(List.of(UUID.randomUUID()), later.plus(Duration.ofMinutes(15)), later);

        assertThat(revoked.size()).isEqualTo(1);
    }
}

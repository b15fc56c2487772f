package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Duration REFRESH = Duration.ofDays(30);
    private static final Duration SESSION = Duration.ofDays(90);
    private static final Instant SIGN_IN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRefreshedTokenBelongsToTheSameSessionAndLivesItsUsualTimeWhileTheSessionLasts() {
        RefreshToken first = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), "h1", SIGN_IN, REFRESH);
        Instant later = SIGN_IN.plus(Duration.ofDays(10));

        RefreshToken next = first.next("h2", later, REFRESH, SESSION);

        assertThat(next.familyId).isEqualTo(first.familyId);
        assertThat(next.sessionStartedAt).isEqualTo(SIGN_IN);
        assertThat(next.expiresAt).isEqualTo(later.plus(REFRESH));
    }

    @Test
    void refreshingNearTheEndOfASessionNeverOutlivesIt() {
        RefreshToken first = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), "h1", SIGN_IN, REFRESH);
        Instant nearTheEnd = SIGN_IN.plus(Duration.ofDays(80));

        RefreshToken next = first.next("h2", nearTheEnd, REFRESH, SESSION);

        assertThat(next.expiresAt).isEqualTo(SIGN_IN.plus(SESSION));
        assertThat(next.sessionOver(SIGN_IN.plus(SESSION).minusSeconds(1), SESSION)).isFalse();
        assertThat(next.sessionOver(SIGN_IN.plus(SESSION), SESSION)).isTrue();
    }
}

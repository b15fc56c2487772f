package io.mall.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));
    private final Instant now = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void thePauseDoublesWithEachAttemptUpToTheCeiling() {
        assertThat(policy.nextAttempt(1, now, null, 0.5)).contains(now.plusSeconds(30));
        assertThat(policy.nextAttempt(2, now, null, 0.5)).contains(now.plusSeconds(60));
        assertThat(policy.nextAttempt(5, now, null, 0.5)).contains(now.plusSeconds(480));
        assertThat(policy.nextAttempt(7, now, null, 0.5)).contains(now.plusSeconds(1920));
        assertThat(new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofHours(1)).nextAttempt(12, now, null, 0.5))
                .contains(now.plus(Duration.ofHours(1)));
    }

    @Test
    void jitterSpreadsThePauseBetweenHalfAndOneAndAHalfTimes() {
        assertThat(policy.nextAttempt(2, now, null, 0.0)).contains(now.plusSeconds(30));
        assertThat(policy.nextAttempt(2, now, null, 0.999)).hasValueSatisfying(at -> assertThat(at).isBetween(now.plusSeconds(89), now.plusSeconds(90)));
    }

    @Test
    void aProviderThatSaysWhenToComeBackIsNotAskedSooner() {
        assertThat(policy.nextAttempt(1, now, Duration.ofMinutes(10), 0.5)).contains(now.plus(Duration.ofMinutes(10)));
        assertThat(policy.nextAttempt(6, now, Duration.ofSeconds(5), 0.5)).contains(now.plusSeconds(960));
    }

    @Test
    void whenTheAttemptsAreUsedUpThereIsNoNextOne() {
        assertThat(policy.nextAttempt(8, now, null, 0.5)).isEmpty();
        assertThat(policy.nextAttempt(9, now, Duration.ofSeconds(1), 0.5)).isEmpty();
    }
}

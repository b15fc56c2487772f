package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void theFreeAttemptsGoThroughAtOnce() {
        for (int attempts = 0; attempts < 5; attempts++) {
            assertThat(throttle.delayAfter(attempts)).isZero();
        }
    }

    @Test
    void thenEachAttemptWaitsTwiceAsLongUpToTheLongestDelay() {
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(throttle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aThrottleThatNeverLetsAnyoneTryIsRefused() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

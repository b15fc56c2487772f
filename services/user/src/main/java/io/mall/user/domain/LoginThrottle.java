package io.mall.user.domain;

import java.time.Duration;

/**
 * How long sign-in attempts of one kind (an account from one address, an account from anywhere,
 * one address against any account) must wait after so many: the first {@code freeAttempts} go
 * through at once, then each waits twice as long as the one before, from {@code firstDelay} up to
 * {@code maxDelay}. Growing delays rather than a lock: nobody can lock somebody else out, and a
 * guesser gets a handful of tries an hour. Attempts are counted before the password is checked
 * and forgotten on a correct one.
 */
public record LoginThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay) {

    public LoginThrottle {
        if (freeAttempts < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("freeAttempts must be at least 1 and 0 < firstDelay <= maxDelay");
        }
    }

    /** How long the next attempt must wait after {@code attempts} attempts. */
    public Duration delayAfter(int attempts) {
        if (attempts < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - freeAttempts, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

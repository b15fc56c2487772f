package io.mall.user.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for {@code lockFor};
 * a correct password (while not locked) starts the count again.
 */
public record LoginThrottle(int maxFailures, Duration lockFor) {

    public LoginThrottle {
        if (maxFailures < 1 || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("maxFailures must be at least 1 and lockFor positive");
        }
    }

    /** The lock that follows a failure that brings the count to {@code failures}, or null for none. */
    public Instant lockAfter(int failures, Instant now) {
        return failures >= maxFailures ? now.plus(lockFor) : null;
    }
}

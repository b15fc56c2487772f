package io.mall.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery that failed for a passing reason is tried again: the pause doubles with each
 * attempt up to a ceiling, spread by jitter so that deliveries that failed together (a provider
 * that was down for everyone) do not return together; a provider that says when to come back
 * ({@code Retry-After}, a rate limit's reset) is not asked sooner.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * The time of the next attempt, or empty when {@code attemptsMade} used them all up.
     *
     * @param jitter a number in [0, 1) drawn for this decision
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, Duration providerAsked, double jitter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        long base = initialBackoff.toMillis();
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long backoff = Math.min(maxBackoff.toMillis(), base << doublings);
        if (backoff < 0) {
            backoff = maxBackoff.toMillis();
        }
        long spread = (long) (backoff * (0.5 + jitter));
        long wait = providerAsked == null ? spread : Math.max(spread, providerAsked.toMillis());
        return Optional.of(now.plusMillis(wait));
    }
}

package io.mall.domain;

import java.time.Duration;

/** Too many attempts in too short a time; the next one is heard after {@code retryAfter}. */
public class TooManyAttempts extends DomainException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

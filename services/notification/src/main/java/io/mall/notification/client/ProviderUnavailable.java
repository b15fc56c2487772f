package io.mall.notification.client;

import java.time.Duration;

/**
 * The provider could not take the message now (down, slow, rate-limited, refusing our credentials):
 * worth trying again later, not sooner than {@code retryAfter} when it said.
 */
public class ProviderUnavailable extends RuntimeException {

    private final transient Duration retryAfter;

    public ProviderUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** {@code null} when the provider did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

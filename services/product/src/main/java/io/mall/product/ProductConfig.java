package io.mall.product;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the product service lets an operator tune, under {@code mall.product}. The intervals
 * are read by the scheduler as expressions ({@code ${mall.product.outbox.retry-interval}}), so
 * their values live in application.properties; they are here to be found and documented in one place.
 */
@ConfigMapping(prefix = "mall.product")
public interface ProductConfig {

    /** A reservation that is neither committed nor released goes back on sale after this long. */
    @WithDefault("PT30M")
    Duration reservationTtl();

    /**
     * How stale the stock a product page shows may be (0: always read): the busiest read, and
     * what an add to a cart or an order takes is checked against the stored stock, never this.
     */
    @WithDefault("PT1S")
    Duration shownStockFreshness();

    /** How often reservations are checked for expiry, e.g. {@code 30s}. */
    String expiryCheck();

    Outbox outbox();

    interface Outbox {
        /** How often documents whose events Kafka refused are tried again, e.g. {@code 2s}. */
        String retryInterval();

        /** How often whole collections are swept for events a crash left behind, e.g. {@code 10m}. */
        String sweepInterval();
    }
}

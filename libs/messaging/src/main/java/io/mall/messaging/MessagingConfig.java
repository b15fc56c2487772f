package io.mall.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers treat messages they fail on. */
@ConfigMapping(prefix = "mall.messaging")
public interface MessagingConfig {

    /** How long a consumer remembers a processed message id. */
    @WithDefault("P7D")
    Duration remember();

    Retry retry();

    /**
     * A handler that fails for another reason than the contract (a store that is down) is tried
     * again this many times, with exponential backoff, before the message is dead-lettered. The
     * whole must stay well under Kafka's {@code throttled.unprocessed-record-max-age.ms} (60 s),
     * after which the channel would count as unhealthy.
     */
    interface Retry {
        @WithDefault("5")
        int attempts();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT8S")
        Duration maxBackoff();
    }
}

package io.mall.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mall.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept. */
    @WithDefault("P1D")
    Duration keep();

    /** A key taken this long ago by a request that never completed counts as abandoned. */
    @WithDefault("PT1M")
    Duration abandonAfter();
}

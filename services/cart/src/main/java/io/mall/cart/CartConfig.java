package io.mall.cart;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the cart service lets an operator tune, under {@code mall.cart}. */
@ConfigMapping(prefix = "mall.cart")
public interface CartConfig {

    /** A guest cart is forgotten after this long without changes. */
    @WithDefault("P7D")
    Duration guestTtl();

    /**
     * A guest cart made by one add and never used again is forgotten after this long: anonymous
     * first adds are cheap to send, and a week for each would fill Redis.
     */
    @WithDefault("PT1H")
    Duration newGuestTtl();

    /**
     * Guest carts one client address may make a minute (in the cluster as on a laptop: ingress-nginx
     * limits by address only, so the limit is kept here, in Redis, for every replica at once).
     */
    @WithDefault("60")
    int guestCartsPerAddressPerMinute();

    /** A signed-in shopper's cart is forgotten after this long without changes. */
    @WithDefault("P90D")
    Duration userTtl();

    /** What the product service says about SKUs, kept for cart reads (client/SkuCache). */
    SkuCacheConfig skuCache();

    interface SkuCacheConfig {

        /**
         * The longest a cart shows what the product service said about a SKU without asking again.
         * What product.events announces (price changes, archiving, reservations, low stock) shows at
         * once; stock that comes back, which no event names, shows within this. Zero asks every time.
         */
        @WithDefault("PT5S")
        Duration freshness();

        /** At most this many SKUs are kept; the least recently used go first. */
        @WithDefault("100000")
        long maxSkus();
    }

    /**
     * Put before every key, so several deployments (or test runs) can share one Redis;
     * application.properties takes it from {@code mall.redis.key-prefix}, the name tests set.
     */
    String redisKeyPrefix();
}

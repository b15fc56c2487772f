package io.mall.cart.client;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.mall.cart.CartConfig;
import io.mall.cart.domain.SkuInfo;

/**
 * What the product service last said about each SKU, kept for at most the configured freshness, so
 * that a cart read asks it only about SKUs not seen that recently (every read used to be an HTTP
 * call). The changes the product service announces on {@code product.events} drop the SKUs they
 * name at once; what no event names (stock coming back, an event that was dead-lettered) shows
 * within the freshness. An answer to a question asked before a SKU was dropped is not kept: it may
 * predate the change.
 */
@ApplicationScoped
public class SkuCache {

    /** A drop is remembered this much longer than the freshness: a slow answer is not put back. */
    private static final Duration SLOWEST_ANSWER = Duration.ofMinutes(1);

    private final Ticker ticker;
    private final boolean enabled;
    private final Cache<String, Known> known;
    /** SKU → when it was last dropped, on {@link #ticker}. */
    private final Cache<String, Long> dropped;
    /** Product → when it was last dropped, on {@link #ticker}. */
    private final Cache<String, Long> droppedProducts;
    /** Product → the SKUs of it kept lately, so that a product's event drops them without a scan. */
    private final Cache<String, Set<String>> skusOfProduct;

    private record Known(SkuInfo info) {
    }

    @Inject
    SkuCache(CartConfig config) {
        this(config.skuCache().freshness(), config.skuCache().maxSkus(), Ticker.systemTicker());
    }

    SkuCache(Duration freshness, long maxSkus, Ticker ticker) {
        this.ticker = ticker;
        this.enabled = !freshness.isZero();
        this.known = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(freshness).maximumSize(maxSkus).build();
        this.dropped = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(freshness.plus(SLOWEST_ANSWER))
                .maximumSize(maxSkus).build();
        this.droppedProducts = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(freshness.plus(SLOWEST_ANSWER))
                .maximumSize(maxSkus).build();
        this.skusOfProduct = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(freshness).maximumSize(maxSkus)
                .build();
    }

    /** Now, as {@link #remember} wants to be told when its question was asked. */
    public long now() {
        return ticker.read();
    }

    /** The SKUs among {@code skus} known fresh. */
    public Map<String, SkuInfo> fresh(Collection<String> skus) {
        Map<String, SkuInfo> found = new HashMap<>();
        if (!enabled) {
            return found;
        }
        for (String sku : skus) {
            Known entry = known.getIfPresent(sku);
            if (entry != null) {
                found.put(sku, entry.info());
            }
        }
        return found;
    }

    /** Keeps the answers to a question asked at {@code askedAt}, but for SKUs dropped since. */
    public void remember(List<SkuInfo> answers, long askedAt) {
        if (!enabled) {
            return;
        }
        for (SkuInfo info : answers) {
            // noted before the entry is kept, so that a product's drop either finds the SKU or is later than it
            skusOfProduct.get(info.productId(), product -> ConcurrentHashMap.newKeySet()).add(info.sku());
            // decided and written under the entry's lock, which drop() takes after noting the drop
            known.asMap().compute(info.sku(), (sku, before) -> droppedSince(dropped, sku, askedAt)
                    || droppedSince(droppedProducts, info.productId(), askedAt) ? before : new Known(info));
        }
    }

    private static boolean droppedSince(Cache<String, Long> drops, String key, long askedAt) {
        Long droppedAt = drops.getIfPresent(key);
        return droppedAt != null && droppedAt - askedAt >= 0;
    }

    /** Forgets these SKUs: the next read asks the product service. */
    public void drop(Collection<String> skus) {
        long at = ticker.read();
        for (String sku : skus) {
            dropped.put(sku, at);
            known.invalidate(sku);
        }
    }

    /** Forgets every SKU of a product, whichever variants it has now. */
    public void dropProduct(String productId) {
        droppedProducts.put(productId, ticker.read());
        Set<String> skus = skusOfProduct.asMap().remove(productId);
        if (skus != null) {
            drop(skus);
        }
    }

    /** How many SKUs are kept now (for tests and the gauge). */
    public long size() {
        known.cleanUp();
        return known.estimatedSize();
    }
}

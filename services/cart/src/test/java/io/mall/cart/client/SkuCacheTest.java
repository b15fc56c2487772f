package io.mall.cart.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.mall.cart.domain.SkuInfo;

class SkuCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SkuCache cache = new SkuCache(Duration.ofSeconds(5), 1_000, nanos::get);

    private static SkuInfo sku(String sku, String product, long price) {
        return new SkuInfo(sku, product, "Shirt", null, price, "KRW", 3, false);
    }

    private void later(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void anAnswerIsServedUntilItsFreshnessEnds() {
        cache.remember(List.of(sku("S-1", "P-1", 10_000)), cache.now());

        later(Duration.ofMillis(4_900));
        assertThat(cache.fresh(List.of("S-1", "S-2"))).containsOnlyKeys("S-1");

        later(Duration.ofMillis(200));
        assertThat(cache.fresh(List.of("S-1"))).isEmpty();
    }

    @Test
    void aDroppedSkuIsAskedAgainAndAnAnswerToAQuestionAskedBeforeTheDropIsNotKept() {
        cache.remember(List.of(sku("S-1", "P-1", 10_000)), cache.now());
        long askedBeforeTheChange = cache.now();
        later(Duration.ofMillis(10));

        cache.drop(List.of("S-1"));
        assertThat(cache.fresh(List.of("S-1"))).isEmpty();

        // the slow answer to the earlier question arrives after the change was announced
        cache.remember(List.of(sku("S-1", "P-1", 10_000)), askedBeforeTheChange);
        assertThat(cache.fresh(List.of("S-1"))).isEmpty();

        later(Duration.ofMillis(10));
        cache.remember(List.of(sku("S-1", "P-1", 9_000)), cache.now());
        assertThat(cache.fresh(List.of("S-1")).get("S-1").price()).isEqualTo(9_000);
    }

    @Test
    void droppingAProductForgetsEveryVariantOfItAndNothingElse() {
        cache.remember(List.of(sku("S-1", "P-1", 1), sku("S-2", "P-1", 2), sku("S-3", "P-2", 3)), cache.now());

        cache.dropProduct("P-1");

        assertThat(cache.fresh(List.of("S-1", "S-2", "S-3"))).containsOnlyKeys("S-3");
    }

    @Test
    void aSlowAnswerAboutAVariantNotYetKeptWhenItsProductChangedIsNotKept() {
        long askedBeforeTheChange = cache.now();
        later(Duration.ofMillis(10));

        cache.dropProduct("P-1");
        cache.remember(List.of(sku("S-9", "P-1", 10_000)), askedBeforeTheChange);

        assertThat(cache.fresh(List.of("S-9"))).isEmpty();
    }

    @Test
    void noFreshnessKeepsNothing() {
        SkuCache asksEveryTime = new SkuCache(Duration.ZERO, 1_000, nanos::get);

        asksEveryTime.remember(List.of(sku("S-1", "P-1", 1)), asksEveryTime.now());

        assertThat(asksEveryTime.fresh(List.of("S-1"))).isEmpty();
    }

    @Test
    void atMostTheConfiguredNumberOfSkusIsKept() {
        SkuCache small = new SkuCache(Duration.ofMinutes(1), 10, nanos::get);

        for (int i = 0; i < 100; i++) {
            small.remember(List.of(sku("S-" + i, "P", i)), small.now());
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}

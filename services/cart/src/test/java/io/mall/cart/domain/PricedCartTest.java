package io.mall.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PricedCartTest {

    private static final Instant ADDED = Instant.parse("2026-11-01T10:00:00Z");

    private final List<CartLine> lines = List.of(
            new CartLine("A", "p-a", "Socks", null, 5_000, "KRW", ADDED),
            new CartLine("B", "p-b", "Shoes", null, 100_000, "KRW", ADDED),
            new CartLine("C", "p-c", "Cap", null, 20_000, "KRW", ADDED));
    private final Map<String, Integer> quantities = Map.of("A", 3, "B", 1, "C", 2);

    @Test
    void pricesAtTodaysPricesAndFlagsWhatChanged() {
        Map<String, SkuInfo> now = Map.of(
                "A", new SkuInfo("A", "p-a", "Socks", null, 5_000, "KRW", 10, false),
                "B", new SkuInfo("B", "p-b", "Shoes", null, 90_000, "KRW", 0, false),
                "C", new SkuInfo("C", "p-c", "Cap", null, 20_000, "KRW", 9, true));

        PricedCart cart = PricedCart.of(lines, quantities, now);

        assertThat(cart.stale()).isFalse();
        assertThat(cart.lines()).extracting(PricedCart.Line::sku).containsExactly("A", "B", "C");
        PricedCart.Line shoes = cart.lines().get(1);
        assertThat(shoes.price()).isEqualTo(90_000);
        assertThat(shoes.priceChanged()).isTrue();
        assertThat(shoes.outOfStock()).isTrue();
        assertThat(cart.lines().get(2).unavailable()).isTrue();
        // archived lines count for nothing
        assertThat(cart.total()).isEqualTo(3 * 5_000 + 90_000);
        assertThat(cart.itemCount()).isEqualTo(4);
    }

    @Test
    void withoutAnAnswerShowsTheStoredPricesAsStale() {
        PricedCart cart = PricedCart.of(lines, quantities, null);

        assertThat(cart.stale()).isTrue();
        assertThat(cart.total()).isEqualTo(3 * 5_000 + 100_000 + 2 * 20_000);
        assertThat(cart.lines()).noneMatch(PricedCart.Line::priceChanged);
    }
}

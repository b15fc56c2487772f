package io.mall.cart.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class SkuInfoTest {

    @Test
    void aCartMayHoldAsManyUnitsAsAreInStock() {
        sku(3, false).checkCanHold(3);
        assertThatThrownBy(() -> sku(3, false).checkCanHold(4)).isInstanceOf(BrokenRule.class)
                .hasMessage("only 3 in stock")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((BrokenRule) e).field()).isEqualTo("quantity"));
    }

    @Test
    void aProductNoLongerSoldCannotBeHeldAtAll() {
        assertThatThrownBy(() -> sku(50, true).checkCanHold(1)).isInstanceOf(BrokenRule.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((BrokenRule) e).field()).isEqualTo("sku"));
    }

    private static SkuInfo sku(int available, boolean archived) {
        return new SkuInfo("SKU-1", "p-1", "Shoe", null, 39_000, "KRW", available, archived);
    }
}

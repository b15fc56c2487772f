package io.mall.product.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockItemTest {

    @Test
    void fallingBelowTheThresholdIsReportedOnceUntilStockIsBack() {
        StockItem item = item(1, 2);
        assertThat(item.needsLowStockReport()).isTrue();

        item.lowStockReported = true;
        assertThat(item.needsLowStockReport()).isFalse();
        assertThat(item.lowStockMarkCanClear()).isFalse();

        item.available = 2;
        assertThat(item.lowStockMarkCanClear()).isTrue();
    }

    @Test
    void soldOutAndBackInStockAreTheChangesSearchCaresAbout() {
        assertThat(item(0, 2).soldOutChanged(0)).isTrue();
        assertThat(item(3, 2).soldOutChanged(0)).isFalse();
        assertThat(item(5, 2).soldOutChanged(5)).isTrue();
        assertThat(item(8, 2).soldOutChanged(5)).isFalse();
    }

    @Test
    void aRefusedAdjustmentSaysWhatWouldBeLeft() {
        assertThat(item(3, 2).adjustmentRefused(-5)).hasMessage("would leave -2 units; 3 are available")
                .satisfies(rule -> assertThat(rule.field()).isEqualTo("delta"));
    }

    private static StockItem item(int available, int threshold) {
        StockItem item = new StockItem();
        item.sku = "A";
        item.available = available;
        item.lowStockThreshold = threshold;
        return item;
    }
}

package io.mall.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;

class ProductTest {

    @Test
    void aSkuMayAppearOnceAmongAProductsVariants() {
        Product.checkDistinctSkus(List.of("A", "B"));
        assertThatThrownBy(() -> Product.checkDistinctSkus(List.of("A", "B", "A")))
                .isInstanceOf(BrokenRule.class).hasMessage("SKU A appears twice");
    }

    @Test
    void anArchivedProductIsHiddenFromAllButStaff() {
        Product product = product();
        product.archived = true;

        assertThat(product.visible(true)).isSameAs(product);
        assertThatThrownBy(() -> product.visible(false)).isInstanceOf(NotFound.class);
    }

    @Test
    void aChangeForAnOldVersionIsAConflictAndForAGoneProductNotFound() {
        Product current = product();
        current.version = 3;

        assertThat(Product.notAt("p-1", 2, current)).isInstanceOf(Conflict.class).hasMessageContaining("version 3, not 2");
        assertThat(Product.notAt("p-1", 2, null)).isInstanceOf(NotFound.class);
    }

    @Test
    void anUnknownSkuOfAProductIsNotFound() {
        assertThat(product().existingVariant("A").price).isEqualTo(1_000);
        assertThatThrownBy(() -> product().existingVariant("Z")).isInstanceOf(NotFound.class);
    }

    private static Product product() {
        Product product = new Product();
        product.id = "p-1";
        product.variants = List.of(new Variant("A", Map.of(), 1_000, "KRW", 100), new Variant("B", Map.of(), 900, "KRW", 100));
        return product;
    }
}

package io.mall.contracts.product;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code product.created}, {@code product.updated}, {@code product.price-changed},
 * {@code product.archived}: the product after the change.
 */
public record ProductChanged(@NotBlank String productId, String name, String brand, String categoryId, boolean archived,
        List<VariantPrice> variants, long version) {

    /** A variant's price in minor units of {@code currency} (e.g. 39000 KRW, 1999 USD cents). */
    public record VariantPrice(String sku, long price, String currency) {
    }
}

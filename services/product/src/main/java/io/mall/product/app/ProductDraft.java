package io.mall.product.app;

import java.util.List;
import java.util.Map;

/** What an administrator sends to create or describe a product (checked for shape by the API). */
public record ProductDraft(String name, String brand, String description, List<String> images, String categoryId,
        Map<String, String> attributes, List<VariantDraft> variants) {

    /** A variant with its opening stock. */
    public record VariantDraft(String sku, Map<String, String> options, long price, String currency, int weightGrams,
            int stock, int lowStockThreshold) {
    }
}

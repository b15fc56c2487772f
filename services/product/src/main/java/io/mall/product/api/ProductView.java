package io.mall.product.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mall.product.domain.Product;
import io.mall.product.domain.StockItem;

/** A product as shoppers and staff see it, with each variant's stock. */
public record ProductView(String id, String name, String brand, String description, List<String> images, String categoryId,
        Map<String, String> attributes, List<VariantView> variants, RatingView rating, boolean archived, Instant createdAt,
        Instant updatedAt, long version) {

    public record VariantView(String sku, Map<String, String> options, long price, String currency, int weightGrams,
            int available, boolean inStock) {
    }

    public record RatingView(long count, double average) {
    }

    static ProductView of(Product product, List<StockItem> stock) {
        return new ProductView(product.id, product.name, product.brand, product.description, product.images, product.categoryId,
                product.attributes, product.variants.stream().map(v -> {
                    int available = stock.stream().filter(s -> s.sku.equals(v.sku)).mapToInt(s -> s.available).findFirst().orElse(0);
                    return new VariantView(v.sku, v.options, v.price, v.currency, v.weightGrams, available, available > 0);
                }).toList(),
                new RatingView(product.rating == null ? 0 : product.rating.count, product.rating == null ? 0 : product.rating.average),
                product.archived, product.createdAt, product.updatedAt, product.version);
    }
}

package io.mall.contracts.product;

import java.util.UUID;

/** {@code product.release-stock}: give back what was held for the order (cancelled, failed). */
public record ReleaseStock(UUID orderId) {
}

package io.mall.contracts.product;

import java.util.UUID;

/** {@code product.stock-committed}: the held units are gone for good. */
public record StockCommitted(UUID orderId) {
}

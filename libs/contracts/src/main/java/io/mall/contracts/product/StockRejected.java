package io.mall.contracts.product;

import java.util.List;
import java.util.UUID;

/** {@code product.stock-rejected}: nothing is held; {@code unavailable} names the SKUs that were short. */
public record StockRejected(UUID orderId, List<String> unavailable, String reason) {
}

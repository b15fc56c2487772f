package io.mall.contracts.product;

import java.util.UUID;

/** {@code product.commit-stock}: what was held for the order has left the warehouse. */
public record CommitStock(UUID orderId) {
}

package io.mall.contracts.product;

import java.util.UUID;

/**
 * {@code product.stock-released}: what was held for the order is available again.
 *
 * @param expired true when the hold ran out of time rather than being released on request
 */
public record StockReleased(UUID orderId, boolean expired) {
}

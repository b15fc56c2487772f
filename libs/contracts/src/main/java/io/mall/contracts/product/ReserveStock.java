package io.mall.contracts.product;

import java.util.List;
import java.util.UUID;

/**
 * {@code product.reserve-stock} (on {@code product.commands}): hold these lines for an order, all
 * or nothing. Sending it again for the same order gets the same outcome again.
 */
public record ReserveStock(UUID orderId, List<StockLine> lines) {
}

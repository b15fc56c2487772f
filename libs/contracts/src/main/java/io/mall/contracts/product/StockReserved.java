package io.mall.contracts.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code product.stock-reserved}: every line is held until {@code expiresAt} unless committed. */
public record StockReserved(UUID orderId, List<StockLine> lines, Instant expiresAt) {
}

package io.mall.contracts.product;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code product.release-stock}: give back what was held for the order (cancelled, failed). */
public record ReleaseStock(@NotNull UUID orderId) {
}

package io.mall.contracts.product;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code product.commit-stock}: what was held for the order has left the warehouse. */
public record CommitStock(@NotNull UUID orderId) {
}

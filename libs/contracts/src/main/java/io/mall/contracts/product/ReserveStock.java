package io.mall.contracts.product;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code product.reserve-stock} (on {@code product.commands}): hold these lines for an order, all
 * or nothing. Sending it again for the same order gets the same outcome again.
 */
public record ReserveStock(@NotNull UUID orderId, @NotEmpty @Size(max = 500) List<@NotNull @Valid StockLine> lines) {
}

package io.mall.contracts.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** So many units of one variant. */
public record StockLine(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(10_000) int quantity) {
}

package io.mall.contracts.product;

/** So many units of one variant. */
public record StockLine(String sku, int quantity) {
}

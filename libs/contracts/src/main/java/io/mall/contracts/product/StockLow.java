package io.mall.contracts.product;

/** {@code product.stock-low}: a variant's available units fell below its threshold. */
public record StockLow(String sku, String productId, int available, int threshold) {
}

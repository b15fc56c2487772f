package io.mall.cart.domain;

/** A SKU as the product service describes it now. */
public record SkuInfo(String sku, String productId, String name, String image, long price, String currency, int available,
        boolean archived) {

    public boolean canBeSold(int quantity) {
        return !archived && available >= quantity;
    }
}

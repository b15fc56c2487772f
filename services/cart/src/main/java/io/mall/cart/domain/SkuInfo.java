package io.mall.cart.domain;

import io.mall.domain.BrokenRule;

/** A SKU as the product service describes it now. */
public record SkuInfo(String sku, String productId, String name, String image, long price, String currency, int available,
        boolean archived) {

    public boolean canBeSold(int quantity) {
        return !archived && available >= quantity;
    }

    /**
     * Refuses a cart holding {@code wanted} units of this SKU (what it held plus what is added)
     * when the product is no longer sold or fewer are in stock.
     */
    public void checkCanHold(int wanted) {
        if (archived) {
            throw new BrokenRule("sku", "no product is sold under this SKU");
        }
        if (available < wanted) {
            throw new BrokenRule("quantity", "only " + available + " in stock");
        }
    }
}

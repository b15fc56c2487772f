package io.mall.order.domain;

/**
 * One line as ordered: the variant, its name and price when the order was placed (read from the
 * product service then, never from the cart), and how many.
 */
public record OrderLine(String sku, String productId, String name, long unitPrice, int quantity) {

    public long amount() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}

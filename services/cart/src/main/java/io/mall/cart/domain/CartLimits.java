package io.mall.cart.domain;

/** How much one cart may hold: enough for any shopper, not enough to be a denial of service. */
public final class CartLimits {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 100;

    private CartLimits() {
    }
}

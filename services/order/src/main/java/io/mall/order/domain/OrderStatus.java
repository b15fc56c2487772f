package io.mall.order.domain;

/**
 * Where an order is: {@code RECEIVED → STOCK_RESERVED → PAID → SHIPPING → DELIVERED}, or it ends
 * {@code FAILED} (stock or payment refused, a step past its deadline), {@code CANCELLED} (by the
 * shopper or staff, or because it could not be shipped) and then {@code REFUNDED} once money that
 * was taken is back.
 */
public enum OrderStatus {
    RECEIVED, STOCK_RESERVED, PAID, SHIPPING, DELIVERED, FAILED, CANCELLED, REFUNDED;

    /** Nothing more will happen to the order (a refund may still follow a cancellation). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == REFUNDED;
    }

    /** The parcel has not left: the shopper may still change the address or cancel. */
    public boolean beforeShipping() {
        return this == RECEIVED || this == STOCK_RESERVED || this == PAID;
    }
}

package io.mall.contracts.payment;

/** Bounds every side of a payment message agrees on. */
public final class Limits {

    /** A hundred billion minor units (a billion dollars, a hundred billion won): no order is larger. */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    private Limits() {
    }
}

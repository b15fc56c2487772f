package io.mall.shipping.domain;

/** How fast a parcel goes. */
public enum ShippingOption {
    /** The usual courier run: a couple of business days. */
    STANDARD,
    /** The next business day, for a premium. */
    EXPRESS,
    /** Today, when ordered before the cut-off and delivered within the listed cities. */
    SAME_DAY
}

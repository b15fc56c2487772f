package io.mall.notification.domain;

import java.util.Locale;

/** Each event a user is told about, with its category and the name of its templates. */
public enum Trigger {
    WELCOME(Category.ACCOUNT_SECURITY),
    ORDER_RECEIVED(Category.ORDERS),
    PAYMENT_CAPTURED(Category.ORDERS),
    PAYMENT_FAILED(Category.ORDERS),
    ORDER_CANCELLED(Category.ORDERS),
    REFUNDED(Category.ORDERS),
    SHIPPED(Category.SHIPPING),
    OUT_FOR_DELIVERY(Category.SHIPPING),
    DELIVERED(Category.SHIPPING),
    PASSWORD_CHANGED(Category.ACCOUNT_SECURITY),
    NEW_SIGN_IN(Category.ACCOUNT_SECURITY);

    private final Category category;

    Trigger(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /**
     * A warning about one's account cannot wait for the morning: someone else may be signed in now.
     * Everything else waits out the user's quiet hours on the channels that interrupt.
     */
    public boolean urgent() {
        return this == PASSWORD_CHANGED || this == NEW_SIGN_IN;
    }

    /** The name its templates are filed under, e.g. {@code order-received}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

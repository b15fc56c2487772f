package io.mall.contracts;

/**
 * Kafka topic names. {@code <service>.events} carries facts a service publishes;
 * {@code <service>.commands} carries saga requests addressed to a service.
 * Each deployment may put a prefix in front of every name (tests use one per run).
 */
public final class Topics {

    public static final String USER_EVENTS = "user.events";
    public static final String PRODUCT_EVENTS = "product.events";
    public static final String PRODUCT_COMMANDS = "product.commands";
    public static final String CART_EVENTS = "cart.events";
    public static final String ORDER_EVENTS = "order.events";
    public static final String PAYMENT_EVENTS = "payment.events";
    public static final String PAYMENT_COMMANDS = "payment.commands";
    public static final String SHIPPING_EVENTS = "shipping.events";
    public static final String SHIPPING_COMMANDS = "shipping.commands";
    public static final String REVIEW_EVENTS = "review.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";
    public static final String NOTIFICATION_DEAD_LETTER = "notification.dead-letter";

    private Topics() {
    }
}

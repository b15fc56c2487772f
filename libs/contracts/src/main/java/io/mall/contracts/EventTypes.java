package io.mall.contracts;

/**
 * The {@code type} values of {@link EventEnvelope}: {@code <source>.<fact or command>}.
 * The happy path and its compensations are described in the design document, section 3.
 */
public final class EventTypes {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_ERASED = "user.erased";
    public static final String USER_SESSIONS_REVOKED = "user.sessions-revoked";
    public static final String USER_PASSWORD_CHANGED = "user.password-changed";
    public static final String USER_SIGNED_IN = "user.signed-in";

    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_PAID = "order.paid";
    public static final String ORDER_CONFIRMED = "order.confirmed";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_FAILED = "order.failed";
    public static final String ORDER_SHIPPED = "order.shipped";
    public static final String ORDER_DELIVERED = "order.delivered";
    public static final String ORDER_REFUNDED = "order.refunded";

    public static final String RESERVE_STOCK = "product.reserve-stock";
    public static final String RELEASE_STOCK = "product.release-stock";
    public static final String COMMIT_STOCK = "product.commit-stock";
    public static final String STOCK_RESERVED = "product.stock-reserved";
    public static final String STOCK_REJECTED = "product.stock-rejected";
    public static final String STOCK_RELEASED = "product.stock-released";
    public static final String STOCK_COMMITTED = "product.stock-committed";
    public static final String STOCK_LOW = "product.stock-low";
    public static final String PRODUCT_CREATED = "product.created";
    public static final String PRODUCT_UPDATED = "product.updated";
    public static final String PRODUCT_PRICE_CHANGED = "product.price-changed";
    public static final String PRODUCT_ARCHIVED = "product.archived";

    public static final String CHARGE_PAYMENT = "payment.charge";
    public static final String CAPTURE_PAYMENT = "payment.capture";
    public static final String REFUND_PAYMENT = "payment.refund";
    public static final String CANCEL_PAYMENT = "payment.cancel";
    public static final String PAYMENT_AUTHORISED = "payment.authorised";
    public static final String PAYMENT_ACTION_REQUIRED = "payment.action-required";
    public static final String PAYMENT_CAPTURED = "payment.captured";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String PAYMENT_CANCELLED = "payment.cancelled";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String PAYMENT_REFUND_FAILED = "payment.refund-failed";

    public static final String CREATE_SHIPMENT = "shipping.create-shipment";
    public static final String CANCEL_SHIPMENT = "shipping.cancel-shipment";
    public static final String SHIPMENT_CREATED = "shipping.shipment-created";
    public static final String SHIPMENT_UPDATED = "shipping.shipment-updated";
    public static final String SHIPMENT_DELIVERED = "shipping.shipment-delivered";
    public static final String SHIPMENT_EXCEPTION = "shipping.shipment-exception";
    public static final String SHIPMENT_REFUSED = "shipping.shipment-refused";

    public static final String REVIEW_STATS_CHANGED = "review.stats-changed";

    public static final String NOTIFICATION_DEAD_LETTERED = "notification.dead-lettered";

    private EventTypes() {
    }
}

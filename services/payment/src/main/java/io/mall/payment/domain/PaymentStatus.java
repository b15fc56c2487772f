package io.mall.payment.domain;

/**
 * Where a payment stands. PENDING: sent to the gateway, outcome not known yet. ACTION_REQUIRED:
 * waiting for the shopper's deposit or approval. AUTHORISED: money held. CAPTURED: money taken;
 * refunds make it PARTIALLY_REFUNDED or REFUNDED. CANCELLED and FAILED: nothing taken, for good.
 */
public enum PaymentStatus {
    PENDING, ACTION_REQUIRED, AUTHORISED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, FAILED;

    /** Whether the payment has come to rest: no gateway answer or shopper action is awaited. */
    public boolean isSettled() {
        return this != PENDING && this != ACTION_REQUIRED;
    }
}

package io.mall.notification.domain;

/** Where a delivery on one channel stands. */
public enum DeliveryStatus {
    /** to be sent (again) at its next attempt */
    PENDING,
    SENT,
    /** nothing to send to: no phone number, no device, the account is gone */
    SKIPPED,
    /** the provider refused it for good (an invalid number, an unsubscribed recipient) */
    FAILED,
    /** every retry failed: given to the dead-letter topic for an operator */
    DEAD
}

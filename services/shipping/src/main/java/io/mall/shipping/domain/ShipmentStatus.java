package io.mall.shipping.domain;

/**
 * Where a parcel is in its journey, and where it may go next. Carriers do not scan every step
 * (a parcel may be seen first in transit, or only when delivered), so a report may skip ahead;
 * it never goes back, except the loops a journey has: hub to hub, and after a failed attempt
 * back out for delivery or back to the terminal.
 */
public enum ShipmentStatus {
    LABEL_CREATED(0), PICKED_UP(1), IN_TRANSIT(2), OUT_FOR_DELIVERY(3), DELIVERY_FAILED(3), DELIVERED(4), CANCELLED(-1);

    /** How far along the journey: a report may move to a later stage. */
    private final int stage;

    ShipmentStatus(int stage) {
        this.stage = stage;
    }

    public boolean mayBecome(ShipmentStatus next) {
        if (isFinal()) {
            return false;
        }
        if (next == CANCELLED) {
            // once the courier has it, the parcel is returned, not cancelled
            return this == LABEL_CREATED;
        }
        boolean loop = (this == IN_TRANSIT && next == IN_TRANSIT)
                || (this == OUT_FOR_DELIVERY && next == DELIVERY_FAILED)
                || (this == DELIVERY_FAILED && (next == OUT_FOR_DELIVERY || next == IN_TRANSIT));
        return loop || next.stage > stage;
    }

    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}

package io.mall.shipping.domain;

import java.util.Map;
import java.util.Set;

/** Where a parcel is in its journey, and where it may go next. */
public enum ShipmentStatus {
    LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, DELIVERED, CANCELLED;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> NEXT = Map.of(
            LABEL_CREATED, Set.of(PICKED_UP, CANCELLED),
            PICKED_UP, Set.of(IN_TRANSIT),
            // from hub to hub, then onto the van
            IN_TRANSIT, Set.of(IN_TRANSIT, OUT_FOR_DELIVERY),
            OUT_FOR_DELIVERY, Set.of(DELIVERED, DELIVERY_FAILED),
            // nobody home: another attempt
            DELIVERY_FAILED, Set.of(OUT_FOR_DELIVERY),
            DELIVERED, Set.of(),
            CANCELLED, Set.of());

    public boolean mayBecome(ShipmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}

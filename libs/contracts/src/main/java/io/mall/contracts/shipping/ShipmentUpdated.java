package io.mall.contracts.shipping;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code shipping.shipment-updated} (and {@code shipping.shipment-delivered} when it arrived,
 * {@code shipping.shipment-exception} when something went wrong): the parcel's new status.
 *
 * @param status {@code LABEL_CREATED}, {@code PICKED_UP}, {@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY},
 *               {@code DELIVERY_FAILED}, {@code DELIVERED}, {@code CANCELLED}
 * @param place  where the carrier saw it (a hub, a city), when it says
 */
public record ShipmentUpdated(@NotNull UUID shipmentId, @NotNull UUID orderId, @NotNull String status, String place,
        String detail, @NotNull Instant at) {
}

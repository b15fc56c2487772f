package io.mall.contracts.shipping;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code shipping.shipment-created}: a carrier has the parcel's label; it is tracked by this number. */
public record ShipmentCreated(@NotNull UUID shipmentId, @NotNull UUID orderId, @NotNull String carrier,
        @NotNull String trackingNumber, LocalDate promisedBy) {
}

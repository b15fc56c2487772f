package io.mall.contracts.shipping;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code shipping.cancel-shipment}: the order is cancelled. A shipment not yet picked up is
 * cancelled ({@code shipping.shipment-updated} with status {@code CANCELLED}); one on its way is
 * not, and the answer says so ({@code shipping.shipment-exception}).
 */
public record CancelShipment(@NotNull UUID orderId, @NotBlank @Size(max = 500) String reason) {
}

package io.mall.contracts.shipping;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code shipping.shipment-refused}: no shipment was made for the order and none will be, however
 * often the command comes again: the address is gone or not the shopper's, no carrier takes the
 * parcel there, or the order was cancelled first. The order then gives the money back.
 */
public record ShipmentRefused(@NotNull UUID orderId, @NotBlank String reason) {
}

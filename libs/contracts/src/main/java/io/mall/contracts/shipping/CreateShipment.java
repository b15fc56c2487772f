package io.mall.contracts.shipping;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code shipping.create-shipment}: the order is paid; ship it with this option to the address the
 * order was placed with. Answered by {@code shipping.shipment-created}; sent again for the same
 * order it makes no second shipment.
 *
 * @param addressId   the shopper's address (copied from the address book when the shipment is made)
 * @param option      {@code STANDARD}, {@code EXPRESS} or {@code SAME_DAY}
 * @param weightGrams the parcel's weight, as the order's shipping quote weighed it
 * @param promisedBy  the delivery date the quote promised the shopper, if it did
 * @param declaredValueMinor what the goods are worth (the order's subtotal), in {@code currency}'s
 *                    minor unit: customs need it for a parcel abroad
 */
public record CreateShipment(
        @NotNull UUID orderId,
        @NotNull UUID userId,
        @NotNull UUID addressId,
        @NotNull @Pattern(regexp = "STANDARD|EXPRESS|SAME_DAY") String option,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items,
        @Min(1) @Max(1_000_000) long weightGrams,
        LocalDate promisedBy,
        @PositiveOrZero Long declaredValueMinor,
        @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** A line of the parcel. */
    public record Item(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(1_000) int quantity) {
    }
}

package io.mall.shipping.client;

/** A carrier's label: the number the parcel is tracked by. */
public record Booking(String trackingNumber) {
}

package io.mall.shipping.client;

import java.util.UUID;

import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Recipient;
import io.mall.shipping.domain.ShippingOption;

/** What a carrier needs to label a parcel; the order id is the carrier's reference for it. */
public record Parcel(UUID orderId, ShippingOption option, PostalAddress destination, Recipient recipient, long weightGrams) {
}

package io.mall.shipping.client;

import java.util.UUID;

import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Recipient;
import io.mall.shipping.domain.ShippingOption;

/**
 * What a carrier needs to label a parcel; the order id is the carrier's reference for it.
 *
 * @param declaredValueMinor what the goods are worth, in {@code currency}'s minor unit (customs
 *                           ask for it abroad); absent when the order did not say
 */
public record Parcel(UUID orderId, ShippingOption option, PostalAddress destination, Recipient recipient, long weightGrams,
        Long declaredValueMinor, String currency) {

    /** The declared value in the currency's major unit (₩39,000 → 39000; $12.50 → 12.5), or null. */
    public java.math.BigDecimal declaredValue() {
        if (declaredValueMinor == null || currency == null) {
            return null;
        }
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(declaredValueMinor, digits);
    }

    /** The weight in kilograms, as carriers' APIs take it (at least 0.1 kg, to the gram). */
    public double weightKilograms() {
        return Math.max(0.1, weightGrams / 1000.0);
    }
}

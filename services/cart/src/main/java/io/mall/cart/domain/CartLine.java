package io.mall.cart.domain;

import java.time.Instant;

/**
 * A line as stored: the quantity is kept apart (so concurrent adds can increment it atomically);
 * this is what the shopper saw when adding it, including the price at that moment.
 */
public record CartLine(String sku, String productId, String name, String image, long price, String currency, Instant addedAt) {
}

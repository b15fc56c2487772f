package io.mall.contracts.order;

import java.util.UUID;

/**
 * {@code order.confirmed} (on {@code order.events}): the order is paid for and will be shipped.
 *
 * @param userId       who ordered (the {@code sub} of their token)
 * @param fromCart     whether the order was placed from the user's cart (then the cart is cleared)
 */
public record OrderConfirmed(UUID orderId, String userId, boolean fromCart, long total, String currency) {
}

package io.mall.contracts.order;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code order.confirmed} (on {@code order.events}): the order is paid for and will be shipped.
 *
 * @param userId       who ordered (the {@code sub} of their token)
 * @param fromCart     whether the order was placed from the user's cart (then the cart is cleared)
 */
public record OrderConfirmed(@NotNull UUID orderId, String userId, boolean fromCart, @PositiveOrZero long total,
        @NotBlank String currency) {
}

package io.mall.contracts.order;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code order.placed}, {@code order.cancelled}, {@code order.failed}, {@code order.shipped},
 * {@code order.delivered}, {@code order.refunded} (on {@code order.events}): where the order now
 * is, with what a follower needs (notification: amounts and reason; review: the products
 * delivered). No address, no payment details.
 *
 * @param status the order's status: {@code RECEIVED}, {@code PAID}, {@code SHIPPING},
 *               {@code DELIVERED}, {@code FAILED}, {@code CANCELLED}, {@code REFUNDED}
 * @param reason why it failed or was cancelled
 */
public record OrderUpdated(@NotNull UUID orderId, @NotNull UUID userId, @NotBlank String status, long total, @NotBlank String currency,
        String reason, @NotNull List<Line> lines) {

    public record Line(@NotBlank String sku, String productId, String name, int quantity) {
    }
}

package io.mall.contracts.review;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code review.stats-changed} (on {@code review.events}): a product's approved-review statistics
 * after a change. {@code version} grows with every change, so a consumer keeps only the newest.
 *
 * @param histogram counts of 1 to 5 stars, in that order
 */
public record ReviewStatsChanged(@NotBlank String productId, @PositiveOrZero long count,
        @DecimalMin("0.0") @DecimalMax("5.0") double average, @Size(min = 5, max = 5) List<@NotNull @PositiveOrZero Long> histogram,
        @PositiveOrZero long version) {
}

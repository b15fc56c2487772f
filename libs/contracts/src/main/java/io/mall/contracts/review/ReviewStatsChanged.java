package io.mall.contracts.review;

import java.util.List;

/**
 * {@code review.stats-changed} (on {@code review.events}): a product's approved-review statistics
 * after a change. {@code version} grows with every change, so a consumer keeps only the newest.
 *
 * @param histogram counts of 1 to 5 stars, in that order
 */
public record ReviewStatsChanged(String productId, long count, double average, List<Long> histogram, long version) {
}

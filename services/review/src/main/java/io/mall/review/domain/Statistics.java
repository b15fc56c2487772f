package io.mall.review.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A product's approved-review statistics: count, sum and a histogram of 1 to 5 stars, with how each
 * review counts and as of which of its revisions ({@code counted}), so applying a review's change
 * twice, or late, changes nothing; and a version that grows with every change (consumers keep the
 * newest). Changed by one
 * conditional update on the version, which writes the change's event into {@code outbox} with it.
 */
@MongoEntity(collection = "statistics")
public class Statistics {

    @BsonId
    public String productId;
    public long count;
    public long sum;
    /** counts of 1 to 5 stars, in that order */
    public List<Long> histogram = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
    /**
     * review id → how it counts: its rating (null: not counted, e.g. rejected or deleted) as of its
     * revision; a change decided on an older revision than the one counted is stale and ignored
     */
    public Map<String, Counted> counted = new HashMap<>();
    public long version;
    public List<PendingEvent> outbox = new ArrayList<>();

    public static Statistics empty(String productId) {
        Statistics statistics = new Statistics();
        statistics.productId = productId;
        return statistics;
    }

    public double average() {
        return count == 0 ? 0 : Math.round(sum * 100.0 / count) / 100.0;
    }

    /** How one review counts, as of one of its revisions. */
    public static class Counted {

        public Integer rating;
        public long revision;

        public Counted() {
        }

        public Counted(Integer rating, long revision) {
            this.rating = rating;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Counted that && java.util.Objects.equals(rating, that.rating) && revision == that.revision;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(rating, revision);
        }
    }

    /**
     * Counts the review, as of {@code revision}, with {@code rating} (null: not counted). Answers
     * whether anything changed: the same revision applied again, or an older one arriving late,
     * changes nothing.
     */
    public boolean count(String reviewId, Integer rating, long revision) {
        Counted before = counted.get(reviewId);
        if (before != null && before.revision >= revision) {
            return false;
        }
        Integer old = before == null ? null : before.rating;
        if (old != null) {
            count--;
            sum -= old;
            histogram.set(old - 1, histogram.get(old - 1) - 1);
        }
        if (rating != null) {
            count++;
            sum += rating;
            histogram.set(rating - 1, histogram.get(rating - 1) + 1);
        }
        counted.put(reviewId, new Counted(rating, revision));
        version++;
        return true;
    }

    /** The statistics of exactly these reviews (id → how each counts now), as a recount finds them. */
    public boolean recount(Map<String, Counted> reviews) {
        Statistics fresh = empty(productId);
        reviews.forEach((id, state) -> fresh.count(id, state.rating, state.revision));
        if (fresh.counted.equals(counted) && fresh.count == count && fresh.sum == sum && fresh.histogram.equals(histogram)) {
            return false;
        }
        count = fresh.count;
        sum = fresh.sum;
        histogram = fresh.histogram;
        counted = fresh.counted;
        version++;
        return true;
    }
}

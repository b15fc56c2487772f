package io.mall.review.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.mall.domain.Conflict;
import io.mall.review.domain.Review;
import io.mall.review.domain.ReviewStatus;
import io.mall.review.domain.Statistics;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The reviews. One per product per order (a unique index); every change replaces the document on
 * the condition that its revision is still the one the change was decided on.
 */
@ApplicationScoped
public class ReviewRepository implements ReactivePanacheMongoRepositoryBase<Review, String> {

    /** How the public list of a product's reviews is ordered. */
    public enum Order {
        NEWEST(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id"))),
        HIGHEST(Sorts.orderBy(Sorts.descending("rating"), Sorts.descending("createdAt"), Sorts.ascending("_id"))),
        LOWEST(Sorts.orderBy(Sorts.ascending("rating"), Sorts.descending("createdAt"), Sorts.ascending("_id"))),
        HELPFUL(Sorts.orderBy(Sorts.descending("helpful"), Sorts.descending("createdAt"), Sorts.ascending("_id")));

        private final Bson sort;

        Order(Bson sort) {
            this.sort = sort;
        }
    }

    public record Page(List<Review> items, long total) {
    }

    /** What the moderation queue shows. */
    public record QueueFilter(List<ReviewStatus> statuses, Double minScore, Double maxScore, String productId, Boolean reported) {
    }

    public Uni<Void> createIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("orderId", "productId"), new IndexOptions().unique(true))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("productId", "status", "createdAt")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("status", "createdAt")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("authorId", "createdAt")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("textHash")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("counted", "updatedAt")))
                .replaceWithVoid();
    }

    /** Writes a new review: a second one for the same product and order is a conflict. */
    public Uni<Review> insert(Review review) {
        return persist(review).onFailure(MongoErrors::isDuplicateKey)
                .transform(duplicate -> new Conflict("this order's " + review.productId + " has a review already"));
    }

    /**
     * Writes the review's change if nobody changed it since it was read at {@code review.revision};
     * answers whether it was written (the revision then moved on by one).
     */
    public Uni<Boolean> replace(Review review) {
        long read = review.revision;
        review.revision = read + 1;
        return mongoCollection().findOneAndReplace(and(eq("_id", review.id), eq("revision", read)), review)
                .map(previous -> {
                    if (previous == null) {
                        review.revision = read;
                        return false;
                    }
                    return true;
                });
    }

    /** Notes that the statistics count the review as it was at {@code revision} (a later change leaves it to be counted again). */
    public Uni<Void> markCounted(String id, long revision) {
        return mongoCollection().updateOne(and(eq("_id", id), eq("revision", revision)), Updates.set("counted", true)).replaceWithVoid();
    }

    /** Reviews whose last change the statistics may have missed (a crash between the two writes), oldest first. */
    public Uni<List<Review>> uncounted(Instant changedBefore, int limit) {
        return mongoCollection().find(and(eq("counted", false), lte("updatedAt", changedBefore)),
                new io.quarkus.mongodb.FindOptions().sort(Sorts.ascending("updatedAt")).limit(limit)).collect().asList();
    }

    public Uni<Page> publicPage(String productId, Integer rating, Order order, int page, int size) {
        Bson filter = rating == null ? and(eq("productId", productId), eq("status", ReviewStatus.APPROVED.name()))
                : and(eq("productId", productId), eq("status", ReviewStatus.APPROVED.name()), eq("rating", rating));
        return page(filter, order.sort, page, size);
    }

    public Uni<Page> byAuthor(String authorId, int page, int size) {
        return page(and(eq("authorId", authorId), ne("status", ReviewStatus.DELETED.name())), Order.NEWEST.sort, page, size);
    }

    /** The moderation queue, oldest first. */
    public Uni<Page> queue(QueueFilter filter, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        parts.add(in("status", filter.statuses().stream().map(Enum::name).toList()));
        if (filter.minScore() != null) {
            parts.add(gte("spamScore", filter.minScore()));
        }
        if (filter.maxScore() != null) {
            parts.add(lte("spamScore", filter.maxScore()));
        }
        if (filter.productId() != null) {
            parts.add(eq("productId", filter.productId()));
        }
        if (Boolean.TRUE.equals(filter.reported())) {
            parts.add(Filters.exists("reporters.0"));
        } else if (Boolean.FALSE.equals(filter.reported())) {
            parts.add(Filters.exists("reporters.0", false));
        }
        return page(and(parts), Sorts.orderBy(Sorts.ascending("createdAt"), Sorts.ascending("_id")), page, size);
    }

    /** How many other accounts wrote this text since {@code since}. */
    public Uni<Long> otherAuthorsWithText(String textHash, String authorId, Instant since) {
        return mongoCollection().distinct("authorId", and(eq("textHash", textHash), gte("createdAt", since)), String.class)
                .filter(other -> other != null && !other.equals(authorId)).collect().asList().map(others -> (long) others.size());
    }

    /** Of these orders, the {@code orderId:productId} keys the author reviewed. */
    public Uni<java.util.Set<String>> reviewedBy(String authorId, List<String> orderIds) {
        return mongoCollection().find(and(eq("authorId", authorId), in("orderId", orderIds))).collect().asList()
                .map(found -> found.stream().map(review -> review.orderId + ":" + review.productId).collect(java.util.stream.Collectors.toSet()));
    }

    public Uni<Long> writtenBySince(String authorId, Instant since) {
        return mongoCollection().countDocuments(and(eq("authorId", authorId), gte("createdAt", since)));
    }

    /** How each review of the product counts now, as a recount counts them. */
    public Uni<Map<String, Statistics.Counted>> howEachCounts(String productId) {
        return mongoCollection().find(eq("productId", productId)).collect().asList()
                .map(reviews -> {
                    Map<String, Statistics.Counted> states = new HashMap<>();
                    reviews.forEach(review -> states.put(review.id, new Statistics.Counted(review.countsAs(), review.revision)));
                    return states;
                });
    }

    /** Every product that has reviews. */
    public Uni<List<String>> reviewedProducts() {
        return mongoCollection().distinct("productId", String.class).collect().asList();
    }

    /** The erased author's reviews stay, anonymous; their votes and reports stay counted, without their id. */
    public Uni<Void> forgetAuthor(String userId) {
        return mongoCollection().updateMany(eq("authorId", userId), Updates.set("authorId", null))
                .chain(() -> mongoCollection().updateMany(eq("voters", userId), Updates.pull("voters", userId)))
                .chain(() -> mongoCollection().updateMany(eq("reporters", userId), Updates.pull("reporters", userId)))
                .replaceWithVoid();
    }

    private Uni<Page> page(Bson filter, Bson sort, int page, int size) {
        Uni<List<Review>> items = mongoCollection().find(filter,
                new io.quarkus.mongodb.FindOptions().sort(sort).skip(page * size).limit(size)).collect().asList();
        Uni<Long> total = mongoCollection().countDocuments(filter);
        return Uni.combine().all().unis(items, total).asTuple().map(both -> new Page(both.getItem1(), both.getItem2()));
    }
}

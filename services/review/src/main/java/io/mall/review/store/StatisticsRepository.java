package io.mall.review.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Updates;

import io.mall.review.domain.PendingEvent;
import io.mall.review.domain.Statistics;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Products' review statistics. A change is written on the condition that the version it was
 * decided on is still the stored one, together with its event, in one update of one document.
 */
@ApplicationScoped
public class StatisticsRepository implements ReactivePanacheMongoRepositoryBase<Statistics, String> {

    public static final String COLLECTION = "statistics";

    /** The product's statistics, empty (version 0, not stored yet) when none of its reviews was ever counted. */
    public Uni<Statistics> of(String productId) {
        return findById(productId).map(found -> found == null ? Statistics.empty(productId) : found);
    }

    /**
     * Writes the statistics as changed from version {@code read}, with {@code event}; answers whether
     * they were written (false: another change came first, decide again from a fresh read).
     */
    public Uni<Boolean> write(Statistics statistics, long read, PendingEvent event) {
        if (read == 0) {
            Statistics first = Statistics.empty(statistics.productId);
            first.count = statistics.count;
            first.sum = statistics.sum;
            first.histogram = statistics.histogram;
            first.counted = statistics.counted;
            first.version = statistics.version;
            first.outbox.add(event);
            return persist(first).replaceWith(true).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
        }
        // findOneAndUpdate: one atomic match-and-change on MongoDB and on the local MongoDB-protocol server alike
        return mongoCollection().findOneAndUpdate(and(eq("_id", statistics.productId), eq("version", read)),
                Updates.combine(Updates.set("count", statistics.count), Updates.set("sum", statistics.sum),
                        Updates.set("histogram", statistics.histogram), Updates.set("counted", statistics.counted),
                        Updates.set("version", statistics.version), Updates.push("outbox", event)))
                .map(updated -> updated != null);
    }
}

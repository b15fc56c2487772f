package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Product;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The products collection. */
@ApplicationScoped
public class ProductRepository implements ReactivePanacheMongoRepositoryBase<Product, String> {

    /**
     * Writes the product's described fields with its event, if it is still at {@code version}: one
     * conditional update. The product after the change, or null when it is gone or has moved on.
     */
    public Uni<Product> describeIfAt(Product next, long version, PendingEvent event, Instant now) {
        return updateIfAt(next.id, version, Updates.combine(
                Updates.set("name", next.name), Updates.set("brand", next.brand), Updates.set("description", next.description),
                Updates.set("images", next.images), Updates.set("categoryId", next.categoryId),
                Updates.set("attributes", new Document(next.attributes))), event, now);
    }

    /** As {@link #describeIfAt}, for the price of the variant at {@code index}. */
    public Uni<Product> repriceIfAt(String id, long version, int index, long price, String currency, PendingEvent event, Instant now) {
        return updateIfAt(id, version, Updates.combine(Updates.set("variants." + index + ".price", price),
                Updates.set("variants." + index + ".currency", currency)), event, now);
    }

    /** As {@link #describeIfAt}, for archiving. */
    public Uni<Product> archiveIfAt(String id, long version, PendingEvent event, Instant now) {
        return updateIfAt(id, version, Updates.set("archived", true), event, now);
    }

    private Uni<Product> updateIfAt(String id, long version, Bson changes, PendingEvent event, Instant now) {
        Bson update = Updates.combine(changes, Updates.set("version", version + 1), Updates.set("updatedAt", now),
                Updates.push("outbox", event));
        return mongoCollection().findOneAndUpdate(and(eq("_id", id), eq("version", version)), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Keeps a rating only if it is newer than the one held; says whether it did. */
    public Uni<Boolean> rateIfNewer(String productId, long count, double average, long ratingVersion) {
        return mongoCollection().updateOne(
                and(eq("_id", productId), new Document("rating.version", new Document("$lt", ratingVersion))),
                Updates.set("rating", new Document("count", count).append("average", average).append("version", ratingVersion)))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** The products with these ids, in the order asked; unknown ids are left out. */
    public Uni<List<Product>> findAll(List<String> ids) {
        return list(new Document("_id", new Document("$in", ids))).map(found -> {
            LinkedHashMap<String, Product> byId = new LinkedHashMap<>();
            ids.forEach(id -> found.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(p -> byId.put(id, p)));
            return new ArrayList<>(byId.values());
        });
    }

    public Uni<List<Product>> inCategories(List<String> categoryIds) {
        return list(new Document("categoryId", new Document("$in", categoryIds)));
    }
}

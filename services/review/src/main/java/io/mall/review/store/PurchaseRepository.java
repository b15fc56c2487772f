package io.mall.review.store;

import static com.mongodb.client.model.Filters.eq;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import io.mall.review.domain.Purchase;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/** What shoppers received, by order and product. */
@ApplicationScoped
public class PurchaseRepository implements ReactivePanacheMongoRepositoryBase<Purchase, String> {

    public Uni<Void> createIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("userId")).replaceWithVoid();
    }

    /** Remembers the purchase; the same delivery told again changes nothing. */
    public Uni<Void> record(Purchase purchase) {
        return persist(purchase).replaceWithVoid().onFailure(MongoErrors::isDuplicateKey).recoverWithNull();
    }

    public Uni<Purchase> find(String orderId, String productId) {
        return findById(Purchase.key(orderId, productId));
    }

    /** The user's purchases, latest delivery first. */
    public Uni<java.util.List<Purchase>> ofUser(String userId, int limit) {
        return mongoCollection().find(eq("userId", userId), new io.quarkus.mongodb.FindOptions()
                .sort(com.mongodb.client.model.Sorts.descending("deliveredAt")).limit(limit)).collect().asList();
    }

    public Uni<Void> forget(String userId) {
        return mongoCollection().deleteMany(eq("userId", userId)).replaceWithVoid();
    }
}

package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Updates;

import io.mall.idempotency.IdempotencyConfig;
import io.mall.idempotency.IdempotencyRecord;
import io.mall.idempotency.IdempotencyStore;
import io.mall.idempotency.StoredResponse;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Idempotency keys, one document each ({@code _id}: the caller and the key), taken by an insert:
 * of two requests with one key, exactly one insert succeeds. Pruned hourly once older than
 * {@code mall.idempotency.keep}.
 */
@ApplicationScoped
public class MongoIdempotencyStore implements IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(MongoIdempotencyStore.class);

    private final ReactiveMongoCollection<Document> keys;
    private final Clock clock;
    private final IdempotencyConfig config;

    MongoIdempotencyStore(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            Clock clock, IdempotencyConfig config) {
        this.keys = mongo.getDatabase(database).getCollection("idempotency_keys");
        this.clock = clock;
        this.config = config;
    }

    @Override
    public Uni<Optional<IdempotencyRecord>> claim(String scope, String key, String fingerprint, java.time.Instant now,
            java.time.Instant abandonedBefore) {
        Document id = id(scope, key);
        return keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("at", Date.from(now)))
                .map(inserted -> Optional.<IdempotencyRecord>empty())
                .onFailure(MongoErrors::isDuplicateKey).recoverWithUni(() -> keys
                        // a request that took the key and never completed, long ago: its replica died
                        .findOneAndUpdate(and(eq("_id", id), eq("response", null), lt("at", Date.from(abandonedBefore))),
                                Updates.combine(Updates.set("fingerprint", fingerprint), Updates.set("at", Date.from(now))))
                        .chain(takenOver -> takenOver != null ? Uni.createFrom().item(Optional.<IdempotencyRecord>empty())
                                : keys.find(eq("_id", id)).collect().first().chain(held -> held == null
                                        // given back in between: try again
                                        ? claim(scope, key, fingerprint, now, abandonedBefore)
                                        : Uni.createFrom().item(Optional.of(record(held))))));
    }

    @Override
    public Uni<Void> complete(String scope, String key, StoredResponse response, java.time.Instant now) {
        Document answer = new Document("status", response.status()).append("location", response.location())
                .append("body", response.body());
        return keys.updateOne(eq("_id", id(scope, key)), Updates.combine(Updates.set("response", answer), Updates.set("at", Date.from(now))))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String scope, String key) {
        return keys.deleteOne(and(eq("_id", id(scope, key)), eq("response", null))).replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return keys.deleteMany(lt("at", Date.from(clock.instant().minus(config.keep()))))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("pruning idempotency keys: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    private static IdempotencyRecord record(Document held) {
        Document response = held.get("response", Document.class);
        return new IdempotencyRecord(held.getString("fingerprint"), response == null ? null
                : new StoredResponse(response.getInteger("status"), response.getString("location"), response.getString("body")));
    }

    private static Document id(String scope, String key) {
        return new Document("scope", scope).append("key", key);
    }

}

package io.mall.product.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;


import io.mall.messaging.MessagingConfig;
import io.mall.messaging.ProcessedMessages;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The message ids each consumer has processed, one document per consumer and id, pruned once older
 * than {@code mall.messaging.remember} (by a sweep: the local MongoDB-protocol server has no TTL
 * indexes, and the sweep costs little once an hour).
 */
@ApplicationScoped
public class MongoProcessedMessages implements ProcessedMessages {

    private static final Logger LOG = Logger.getLogger(MongoProcessedMessages.class);

    private final ReactiveMongoCollection<Document> collection;
    private final Clock clock;
    private final MessagingConfig config;

    MongoProcessedMessages(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            Clock clock, MessagingConfig config) {
        this.collection = mongo.getDatabase(database).getCollection("processed_messages");
        this.clock = clock;
        this.config = config;
    }

    @Override
    public Uni<Boolean> contains(String consumer, UUID messageId) {
        return collection.find(eq("_id", key(consumer, messageId))).collect().first().map(found -> found != null);
    }

    @Override
    public Uni<Void> remember(String consumer, UUID messageId) {
        return collection.insertOne(new Document("_id", key(consumer, messageId)).append("at", Date.from(clock.instant())))
                .replaceWithVoid()
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return collection.deleteMany(lt("at", Date.from(clock.instant().minus(config.remember()))))
                .invoke(deleted -> LOG.debugf("pruned %d processed message ids", deleted.getDeletedCount()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("pruning processed message ids: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    private static String key(String consumer, UUID messageId) {
        return consumer + "/" + messageId;
    }

}

package io.mall.product.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the events waiting inside documents ({@code outbox} arrays of products, stock items
 * and reservations), oldest of each document first, and removes each one Kafka acknowledged.
 * A crash between the two sends an event again; consumers de-duplicate by the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final List<String> COLLECTIONS = List.of("reservations", "stock", "products");
    private static final int BATCH = 200;

    private final ReactiveMongoClient mongo;
    private final String database;
    private final MutinyEmitter<String> kafka;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxRelay(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @Channel("outbox") MutinyEmitter<String> kafka) {
        this.mongo = mongo;
        this.database = database;
        this.kafka = kafka;
    }

    /** After a change that wrote events: send them now rather than at the next tick. */
    public void nudge() {
        // a failure here is retried by the next tick
        relay().subscribe().with(sent -> { }, failure -> LOG.debugf("outbox relay: %s", failure.getMessage()));
    }

    @Scheduled(every = "${mall.outbox.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return relay().onFailure().recoverWithItem(failure -> {
            LOG.warnf("outbox relay: %s (retrying at the next tick)", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    Uni<Integer> relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return Multi.createFrom().iterable(COLLECTIONS)
                .onItem().transformToUniAndConcatenate(this::drain)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .eventually(() -> running.set(false))
                .call(sent -> again.get() ? relay() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> drain(String name) {
        ReactiveMongoCollection<Document> collection = mongo.getDatabase(database).getCollection(name);
        return collection.find(exists("outbox.0", true)).select().first(BATCH)
                .onItem().transformToUniAndConcatenate(document -> publish(collection, document))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> publish(ReactiveMongoCollection<Document> collection, Document document) {
        List<Document> pending = document.getList("outbox", Document.class);
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(event -> kafka.sendMessage(Message.of(event.getString("envelope"))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(event.getString("topic"))
                                .withKey(event.getString("key"))
                                .build()))
                        .chain(() -> collection.updateOne(eq("_id", document.get("_id")),
                                Updates.pull("outbox", new Document("id", event.getString("id"))))))
                .collect().asList().map(List::size);
    }
}

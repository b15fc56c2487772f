package io.mall.product.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.mall.messaging.MongoOutboxRelay;
import io.mall.product.store.Events;
import io.mall.product.store.OutboxWritten;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the events waiting inside products, stock items and reservations (libs/messaging's
 * MongoDB relay): at once for the documents a change names, again every
 * {@code mall.product.outbox.retry-interval} for those Kafka refused, and in a sweep over whole
 * collections at start and every {@code mall.product.outbox.sweep-interval} for a crash's leftovers.
 * A change this replica applied to its cache and index already goes out naming the replica in the
 * {@code mall-origin} header, so it skips the change when it comes back.
 */
@ApplicationScoped
public class OutboxRelay {

    private final MongoOutboxRelay relay;

    OutboxRelay(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @Channel("outbox") MutinyEmitter<String> kafka) {
        this.relay = new MongoOutboxRelay(mongo.getDatabase(database), List.of("reservations", "stock", "products"), kafka,
                Events.ORIGIN_HEADER);
    }

    /** A change wrote events into these documents: send them now. */
    void onWritten(@Observes OutboxWritten written) {
        relay.nudge(written.collection(), written.ids());
    }

    @Scheduled(every = "${mall.product.outbox.retry-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> retry() {
        return relay.retry();
    }

    @Scheduled(every = "${mall.product.outbox.sweep-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        return relay.sweep();
    }
}

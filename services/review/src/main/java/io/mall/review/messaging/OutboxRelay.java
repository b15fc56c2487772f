package io.mall.review.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.mall.messaging.MongoOutboxRelay;
import io.mall.review.store.OutboxWritten;
import io.mall.review.store.StatisticsRepository;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the statistics events waiting inside products' statistics documents (libs/messaging's
 * MongoDB relay): at once for the documents a change names, again every
 * {@code mall.review.outbox.retry-interval} for those Kafka refused, and in a sweep at start and
 * every {@code mall.review.outbox.sweep-interval} for a crash's leftovers.
 */
@ApplicationScoped
public class OutboxRelay {

    private final MongoOutboxRelay relay;

    OutboxRelay(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @Channel("outbox") MutinyEmitter<String> kafka) {
        this.relay = new MongoOutboxRelay(mongo.getDatabase(database), List.of(StatisticsRepository.COLLECTION), kafka, null);
    }

    void onWritten(@Observes OutboxWritten written) {
        relay.nudge(written.collection(), written.ids());
    }

    @Scheduled(every = "${mall.review.outbox.retry-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> retry() {
        return relay.retry();
    }

    @Scheduled(every = "${mall.review.outbox.sweep-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay.sweep();
    }
}

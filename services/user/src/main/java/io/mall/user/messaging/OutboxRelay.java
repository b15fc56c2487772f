package io.mall.user.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka, oldest first, and marks what Kafka acknowledged. Claims a batch
 * with a lease ({@code FOR UPDATE SKIP LOCKED}), so several replicas never send the same rows at
 * once, and a replica that dies mid-batch leaves its rows to the next after the lease. A crash
 * between Kafka's acknowledgement and the mark sends a message twice: consumers de-duplicate by
 * the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Pool database;
    private final MutinyEmitter<String> kafka;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxRelay(Pool database, @Channel("outbox") MutinyEmitter<String> kafka) {
        this.database = database;
        this.kafka = kafka;
    }

    /** Called after a commit that wrote to the outbox, so events go out at once, not at the next tick. */
    public void nudge() {
        // a failure here is retried by the next tick
        relay().subscribe().with(sent -> { }, failure -> LOG.debugf("outbox relay: %s", failure.getMessage()));
    }

    // delayed: the first tick waits until the Kafka channel is connected
    @Scheduled(every = "${mall.outbox.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return relay().onFailure().recoverWithItem(failure -> {
            LOG.warnf("outbox relay: %s (retrying at the next tick)", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Publishes until the outbox is empty; one run at a time, a nudge during a run causes one more. */
    Uni<Integer> relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return drain(0).eventually(() -> running.set(false)).call(sent -> again.get() ? relay() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> drain(int sentSoFar) {
        return claimBatch().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(sentSoFar);
            }
            return publish(rows).chain(this::markPublished)
                    .chain(() -> rows.size() < BATCH ? Uni.createFrom().item(sentSoFar + rows.size()) : drain(sentSoFar + rows.size()));
        });
    }

    private Uni<List<Row>> claimBatch() {
        return database.preparedQuery("""
                UPDATE outbox SET lease_until = now() + make_interval(secs => $1)
                WHERE seq IN (SELECT seq FROM outbox
                              WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                              ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING seq, topic, message_key, payload""")
                .execute(Tuple.of((double) LEASE.toSeconds(), BATCH))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    claimed.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
                    return claimed;
                });
    }

    /** One after the other, so messages about one subject reach their partition in commit order. */
    private Uni<List<Long>> publish(List<Row> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> kafka.sendMessage(Message.of(row.getString("payload"))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(row.getString("topic"))
                                .withKey(row.getString("message_key"))
                                .build()))
                        .replaceWith(row.getLong("seq")))
                .collect().asList();
    }

    private Uni<Void> markPublished(List<Long> seqs) {
        return database.preparedQuery("UPDATE outbox SET published_at = now(), lease_until = NULL WHERE seq = ANY($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}

package io.mall.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes a PostgreSQL outbox and deletes each row Kafka acknowledged. The table, written in the
 * same transaction as the change each row reports (so a row exists if and only if its change
 * committed), is:
 *
 * <pre>
 * CREATE TABLE outbox (
 *     seq         bigserial PRIMARY KEY,
 *     id          uuid NOT NULL UNIQUE,
 *     topic       varchar(100) NOT NULL,
 *     message_key varchar(100) NOT NULL,
 *     payload     text NOT NULL,
 *     created_at  timestamptz NOT NULL,
 *     lease_until timestamptz);
 * CREATE INDEX outbox_by_subject ON outbox (message_key, seq);
 * </pre>
 *
 * <p>Rows are claimed with a lease ({@code FOR UPDATE SKIP LOCKED}), so replicas never send the same
 * rows at once and a replica that dies mid-batch leaves its rows to another after the lease. Only
 * the oldest waiting row of each subject is claimed, so the messages about one aggregate reach its
 * partition in commit order even when several replicas relay at once; a pass repeats until nothing
 * is waiting. A crash between Kafka's acknowledgement and the delete sends a message twice:
 * consumers de-duplicate by the envelope id.
 */
public class PostgresOutboxRelay {

    private static final Logger LOG = Logger.getLogger(PostgresOutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Pool database;
    private final MutinyEmitter<String> kafka;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public PostgresOutboxRelay(Pool database, MutinyEmitter<String> kafka) {
        this.database = database;
        this.kafka = kafka;
    }

    /** Publishes until the outbox is empty; one run at a time, and a call during a run causes one more. */
    public Uni<Integer> relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return drain(0).eventually(() -> running.set(false)).call(sent -> again.get() ? relay() : Uni.createFrom().voidItem());
    }

    /** As {@link #relay}, for a caller that must not fail: a failure is logged and left to the next call. */
    public Uni<Void> relayLogged() {
        return relay().onFailure().recoverWithItem(failure -> {
            LOG.warnf("outbox relay: %s (trying again later)", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    private Uni<Integer> drain(int sentSoFar) {
        return claimHeads().chain(rows -> rows.isEmpty() ? Uni.createFrom().item(sentSoFar)
                : publish(rows).chain(this::delete).chain(() -> drain(sentSoFar + rows.size())));
    }

    private Uni<List<Row>> claimHeads() {
        return database.preparedQuery("""
                UPDATE outbox SET lease_until = now() + make_interval(secs => $1)
                WHERE seq IN (SELECT o.seq FROM outbox o
                              WHERE (o.lease_until IS NULL OR o.lease_until < now())
                                AND NOT EXISTS (SELECT 1 FROM outbox earlier
                                                WHERE earlier.message_key = o.message_key AND earlier.seq < o.seq)
                              ORDER BY o.seq LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING seq, topic, message_key, payload""")
                .execute(Tuple.of((double) LEASE.toSeconds(), BATCH))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    claimed.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
                    return claimed;
                });
    }

    /**
     * Sends a batch at once and waits for all acknowledgements: the rows are the heads of distinct
     * subjects, so nothing in a batch must go before anything else, and the producer packs them into
     * few requests (one by one, each waiting for the last, capped a relay at ~150 events/s).
     */
    private Uni<List<Long>> publish(List<Row> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndMerge(row -> kafka.sendMessage(Message.of(row.getString("payload"))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(row.getString("topic"))
                                .withKey(row.getString("message_key"))
                                .build()))
                        .replaceWith(row.getLong("seq")))
                .collect().asList();
    }

    /** Published rows are of no further use: the table holds only what is still to be sent. */
    private Uni<Void> delete(List<Long> seqs) {
        return database.preparedQuery("DELETE FROM outbox WHERE seq = ANY($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}

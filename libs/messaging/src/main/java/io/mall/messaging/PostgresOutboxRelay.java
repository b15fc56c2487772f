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
 * <p>Rows are claimed with a lease, so replicas never send the same rows at once and a replica that
 * dies mid-batch leaves its rows to another after the lease. Only the oldest row of each subject is
 * claimed, so the messages about one aggregate reach its partition in commit order even when
 * several replicas relay at once; a pass repeats until nothing is waiting. A crash between Kafka's
 * acknowledgement and the delete sends a message twice: consumers de-duplicate by the envelope id.
 *
 * <p>The claim is two single-table statements, each linear in the outbox at worst: which rows head
 * their subjects, then a conditional update of exactly those. An outbox swings between empty and a
 * backlog faster than PostgreSQL's statistics follow it, and one statement that found the heads by
 * an anti-join was planned, on statistics of an empty table, as nested loops that rescanned the
 * table per row: a backlog of a few thousand rows took minutes per pass and never drained.
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
                SELECT seq FROM (SELECT DISTINCT ON (message_key) seq, lease_until FROM outbox ORDER BY message_key, seq) heads
                WHERE lease_until IS NULL OR lease_until < now()
                ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(BATCH))
                .chain(heads -> {
                    if (heads.size() == 0) {
                        return Uni.createFrom().item(List.<Row>of());
                    }
                    List<Long> seqs = new ArrayList<>();
                    heads.forEach(row -> seqs.add(row.getLong("seq")));
                    // a row another replica claimed or sent since is left out: the condition is checked
                    // again once that replica's update has committed
                    return database.preparedQuery("""
                            UPDATE outbox SET lease_until = now() + make_interval(secs => $1)
                            WHERE seq = ANY($2) AND (lease_until IS NULL OR lease_until < now())
                            RETURNING seq, topic, message_key, payload""")
                            .execute(Tuple.of((double) LEASE.toSeconds(), seqs.toArray(Long[]::new)))
                            .map(PostgresOutboxRelay::inSequence);
                });
    }

    private static List<Row> inSequence(Iterable<Row> rows) {
        List<Row> claimed = new ArrayList<>();
        rows.forEach(claimed::add);
        claimed.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
        return claimed;
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

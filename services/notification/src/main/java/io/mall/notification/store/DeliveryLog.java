package io.mall.notification.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.notification.DeliveryDeadLettered;
import io.mall.notification.domain.Channel;
import io.mall.notification.domain.Delivery;
import io.mall.notification.domain.DeliveryStatus;
import io.mall.notification.domain.Notice;
import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery log: what is to be sent, on which channel, and how each attempt ended. Sending is
 * taken by lease ({@code FOR UPDATE SKIP LOCKED}), so replicas share the work and a crashed one's
 * deliveries are taken again when its lease runs out.
 */
@ApplicationScoped
public class DeliveryLog {

    /** A delivery as the log shows it to staff. */
    public record Entry(UUID id, UUID eventId, UUID userId, Trigger trigger, Channel channel, DeliveryStatus status, int attempts,
            Instant nextAttemptAt, String recipient, String provider, String providerId, String lastError, Instant createdAt,
            Instant finishedAt) {
    }

    public record Page(List<Entry> items, long total) {
    }

    private final Pool database;
    private final Outbox outbox;

    DeliveryLog(Pool database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** Writes the notice's deliveries; those the event already has (it came again) are left as they are. Answers how many are new. */
    public Uni<Integer> add(Notice notice, List<Notice.Planned> planned, Instant now) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = new ArrayList<>();
        for (Notice.Planned plan : planned) {
            rows.add(Tuple.from(List.of(UUID.randomUUID(), notice.eventId(), notice.userId(), notice.trigger().name(), plan.channel().name(),
                    Rows.json(notice.facts()), DeliveryStatus.PENDING.name(), Rows.utc(plan.notBefore()), Rows.utc(now))));
        }
        // one statement: all of the notice's channels are written, or none
        StringBuilder sql = new StringBuilder("INSERT INTO deliveries (id, event_id, user_id, trigger, channel, facts, status, next_attempt_at, created_at) VALUES ");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int base = i * 9;
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int column = 1; column <= 9; column++) {
                sql.append(column == 1 ? "" : ", ").append('$').append(base + column);
            }
            sql.append(')');
            for (int column = 0; column < 9; column++) {
                values.add(rows.get(i).getValue(column));
            }
        }
        sql.append(" ON CONFLICT (event_id, user_id, channel) DO NOTHING");
        return database.preparedQuery(sql.toString()).execute(Tuple.from(values)).map(result -> result.rowCount());
    }

    /** Takes up to {@code limit} deliveries that are due, for {@code lease}; each taking counts as an attempt. */
    public Uni<List<Delivery>> takeDue(Instant now, Duration lease, int limit) {
        return database.preparedQuery("""
                UPDATE deliveries SET leased_until = $2, attempts = attempts + 1
                WHERE id IN (SELECT id FROM deliveries
                             WHERE status = 'PENDING' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
                             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING id, event_id, user_id, trigger, channel, facts, attempts, created_at""")
                .execute(Tuple.of(Rows.utc(now), Rows.utc(now.plus(lease)), limit))
                .map(rows -> {
                    List<Delivery> taken = new ArrayList<>();
                    rows.forEach(row -> taken.add(new Delivery(row.getUUID("id"), row.getUUID("event_id"), row.getUUID("user_id"),
                            Trigger.valueOf(row.getString("trigger")), Channel.valueOf(row.getString("channel")),
                            Rows.facts(row.getJsonObject("facts")), row.getInteger("attempts"), Rows.instant(row.getOffsetDateTime("created_at")))));
                    return taken;
                });
    }

    public Uni<Void> sent(SqlClient client, UUID id, String recipient, String provider, String providerId, Instant now) {
        return finish(client, id, DeliveryStatus.SENT, recipient, provider, providerId, null, now);
    }

    public Uni<Void> sent(UUID id, String recipient, String provider, String providerId, Instant now) {
        return sent(database, id, recipient, provider, providerId, now);
    }

    /** Nothing to send to (no phone, no device, no account): nothing to try again. */
    public Uni<Void> skipped(UUID id, String why, Instant now) {
        return finish(database, id, DeliveryStatus.SKIPPED, null, null, null, why, now);
    }

    /** The provider refused it for good. */
    public Uni<Void> failed(UUID id, String recipient, String provider, String why, Instant now) {
        return finish(database, id, DeliveryStatus.FAILED, recipient, provider, null, why, now);
    }

    /** The attempt failed for a passing reason: tried again at {@code at}. */
    public Uni<Void> retryAt(UUID id, Instant at, String why) {
        return database.preparedQuery("UPDATE deliveries SET next_attempt_at = $2, leased_until = NULL, last_error = $3 WHERE id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(id, Rows.utc(at), Rows.fit(why, 1000))).replaceWithVoid();
    }

    /** Every attempt failed: the delivery is dead, and an operator is told on the dead-letter topic, in one transaction. */
    public Uni<Void> dead(Delivery delivery, String why, Instant now) {
        return database.withTransaction(connection -> finish(connection, delivery.id(), DeliveryStatus.DEAD, null, null, null, why, now)
                .chain(() -> outbox.add(connection, Topics.NOTIFICATION_DEAD_LETTER, EventTypes.NOTIFICATION_DEAD_LETTERED, delivery.id(),
                        new DeliveryDeadLettered(delivery.id(), delivery.eventId(), delivery.userId(), delivery.channel().name(),
                                delivery.trigger().name(), delivery.attempts(), Rows.fit(why, 1000), now),
                        now)));
    }

    /** A dead or refused delivery is sent again from its first attempt (an operator fixed the cause). Answers whether it was. */
    public Uni<Boolean> requeue(UUID id, Instant now) {
        return database.preparedQuery("""
                UPDATE deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = $2, leased_until = NULL, finished_at = NULL
                WHERE id = $1 AND status IN ('DEAD', 'FAILED')""")
                .execute(Tuple.of(id, Rows.utc(now))).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Entry> find(UUID id) {
        return database.preparedQuery("SELECT * FROM deliveries WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()));
    }

    /** The log, newest first, for one user or all, in one status or all. */
    public Uni<Page> page(UUID userId, DeliveryStatus status, int page, int size) {
        List<Object> filters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (userId != null) {
            filters.add(userId);
            where.append(" AND user_id = $").append(filters.size());
        }
        if (status != null) {
            filters.add(status.name());
            where.append(" AND status = $").append(filters.size());
        }
        List<Object> paging = new ArrayList<>(filters);
        paging.add(size);
        paging.add((long) page * size);
        Uni<List<Entry>> items = database.preparedQuery("SELECT * FROM deliveries" + where + " ORDER BY created_at DESC, id LIMIT $"
                + (filters.size() + 1) + " OFFSET $" + (filters.size() + 2)).execute(Tuple.from(paging))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
        Uni<Long> total = database.preparedQuery("SELECT count(*) FROM deliveries" + where).execute(Tuple.from(filters))
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, total).asTuple().map(both -> new Page(both.getItem1(), both.getItem2()));
    }

    /** The log keeps what was sent and when, without the addresses; what was not sent yet never will be. */
    public Uni<Void> erase(SqlClient connection, UUID userId, Instant now) {
        return connection.preparedQuery("UPDATE deliveries SET recipient = NULL WHERE user_id = $1").execute(Tuple.of(userId))
                .chain(() -> connection.preparedQuery("UPDATE deliveries SET status = 'SKIPPED', last_error = 'the account was erased',"
                        + " finished_at = $2, leased_until = NULL WHERE user_id = $1 AND status = 'PENDING'").execute(Tuple.of(userId, Rows.utc(now))))
                .replaceWithVoid();
    }

    private static Uni<Void> finish(SqlClient client, UUID id, DeliveryStatus status, String recipient, String provider, String providerId,
            String why, Instant now) {
        return client.preparedQuery("""
                UPDATE deliveries SET status = $2, recipient = $3, provider = $4, provider_id = $5, last_error = coalesce($6, last_error),
                    finished_at = $7, leased_until = NULL
                WHERE id = $1 AND status = 'PENDING'""")
                .execute(Tuple.from(java.util.Arrays.asList(id, status.name(), Rows.fit(recipient, 320), provider, Rows.fit(providerId, 300),
                        Rows.fit(why, 1000), Rows.utc(now))))
                .replaceWithVoid();
    }

    private static Entry entry(Row row) {
        return new Entry(row.getUUID("id"), row.getUUID("event_id"), row.getUUID("user_id"), Trigger.valueOf(row.getString("trigger")),
                Channel.valueOf(row.getString("channel")), DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                Rows.instant(row.getOffsetDateTime("next_attempt_at")), row.getString("recipient"), row.getString("provider"),
                row.getString("provider_id"), row.getString("last_error"), Rows.instant(row.getOffsetDateTime("created_at")),
                Rows.instant(row.getOffsetDateTime("finished_at")));
    }
}

package io.mall.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Notices about orders whose owner is not known yet, kept by event id (an event that comes again
 * waits once). Taking them out is left to the caller once they are told, so a crash in between
 * tells them again, which the delivery log makes harmless.
 */
@ApplicationScoped
public class WaitingNotices {

    /** A notice that waited for its order's owner, with the owner now known. */
    public record Waiting(UUID eventId, UUID orderId, Trigger trigger, Map<String, String> facts, Instant occurredAt, UUID owner) {
    }

    private static final String OWNER_KNOWN = """
            SELECT w.event_id, w.order_id, w.trigger, w.facts, w.occurred_at, o.user_id
            FROM waiting_notices w JOIN order_owners o ON o.order_id = w.order_id""";

    private final Pool database;

    WaitingNotices(Pool database) {
        this.database = database;
    }

    public Uni<Void> park(UUID eventId, UUID orderId, Trigger trigger, Map<String, String> facts, Instant occurredAt, Instant now) {
        return database.preparedQuery("""
                INSERT INTO waiting_notices (event_id, order_id, trigger, facts, occurred_at, parked_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(List.of(eventId, orderId, trigger.name(), Rows.json(facts), Rows.utc(occurredAt), Rows.utc(now))))
                .replaceWithVoid();
    }

    /** Those about {@code orderId}, if its owner is known by now. */
    public Uni<List<Waiting>> ownerKnownAbout(UUID orderId) {
        return database.preparedQuery(OWNER_KNOWN + " WHERE w.order_id = $1").execute(Tuple.of(orderId)).map(WaitingNotices::read);
    }

    /** Up to {@code limit} whose owner became known meanwhile (learned while they were being parked). */
    public Uni<List<Waiting>> ownerKnown(int limit) {
        return database.preparedQuery(OWNER_KNOWN + " ORDER BY w.parked_at LIMIT $1").execute(Tuple.of(limit)).map(WaitingNotices::read);
    }

    public Uni<Void> remove(UUID eventId) {
        return database.preparedQuery("DELETE FROM waiting_notices WHERE event_id = $1").execute(Tuple.of(eventId)).replaceWithVoid();
    }

    /** Forgets those parked before {@code cutoff}; returns how many. */
    public Uni<Integer> forgetParkedBefore(Instant cutoff) {
        return database.preparedQuery("DELETE FROM waiting_notices WHERE parked_at < $1").execute(Tuple.of(Rows.utc(cutoff)))
                .map(rows -> rows.rowCount());
    }

    private static List<Waiting> read(Iterable<Row> rows) {
        List<Waiting> waiting = new ArrayList<>();
        for (Row row : rows) {
            waiting.add(new Waiting(row.getUUID("event_id"), row.getUUID("order_id"), Trigger.valueOf(row.getString("trigger")),
                    Rows.facts(row.getJsonObject("facts")), Rows.instant(row.getOffsetDateTime("occurred_at")), row.getUUID("user_id")));
        }
        return waiting;
    }
}

package io.mall.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The in-app feed of each user. */
@ApplicationScoped
public class FeedStore {

    public record Item(UUID id, Trigger trigger, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    public record Page(List<Item> items, long total, long unread) {
    }

    private final Pool database;

    FeedStore(Pool database) {
        this.database = database;
    }

    public Pool database() {
        return database;
    }

    /** Adds the entry of an in-app delivery; a delivery sent again adds nothing. */
    public Uni<Void> add(SqlClient connection, UUID deliveryId, UUID userId, Trigger trigger, String title, String body, String link,
            Instant createdAt) {
        return connection.preparedQuery("INSERT INTO feed (id, user_id, trigger, title, body, link, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.from(java.util.Arrays.asList(deliveryId, userId, trigger.name(), Rows.fit(title, 300), Rows.fit(body, 2000),
                        link, Rows.utc(createdAt))))
                .replaceWithVoid();
    }

    /** Newest first. */
    public Uni<Page> page(UUID userId, int page, int size) {
        Uni<List<Item>> items = database.preparedQuery("SELECT * FROM feed WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(userId, size, (long) page * size))
                .map(rows -> {
                    List<Item> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Item(row.getUUID("id"), Trigger.valueOf(row.getString("trigger")), row.getString("title"),
                            row.getString("body"), row.getString("link"), Rows.instant(row.getOffsetDateTime("created_at")),
                            Rows.instant(row.getOffsetDateTime("read_at")))));
                    return list;
                });
        Uni<io.vertx.mutiny.sqlclient.Row> counts = database.preparedQuery(
                "SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread FROM feed WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(items, counts).asTuple()
                .map(both -> new Page(both.getItem1(), both.getItem2().getLong("total"), both.getItem2().getLong("unread")));
    }

    /** Whether the user has this entry (reading it twice keeps the first time). */
    public Uni<Boolean> markRead(UUID userId, UUID id, Instant now) {
        return database.preparedQuery("UPDATE feed SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, userId, Rows.utc(now))).map(rows -> rows.rowCount() > 0);
    }

    /** Answers how many were unread. */
    public Uni<Integer> markAllRead(UUID userId, Instant now) {
        return database.preparedQuery("UPDATE feed SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
                .execute(Tuple.of(userId, Rows.utc(now))).map(rows -> rows.rowCount());
    }

    public Uni<Void> erase(SqlClient connection, UUID userId) {
        return connection.preparedQuery("DELETE FROM feed WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }
}

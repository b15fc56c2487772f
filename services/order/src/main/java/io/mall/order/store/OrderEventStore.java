package io.mall.order.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.order.domain.Order;
import io.mall.order.domain.OrderEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The append-only history of every order ({@code order_events}) and the snapshots that shorten
 * reading it. An order is loaded as its latest snapshot plus the events after it, folded; events
 * are appended after a given version, and the primary key (order, number) refuses an append whose
 * numbers another writer took first: {@link ConcurrentChange}, to decide again on the new state.
 */
@ApplicationScoped
public class OrderEventStore {

    /** One stored event with where it came from. */
    public record Stored(UUID orderId, int seq, OrderEvent event, Instant at, UUID causationId, UUID correlationId) {
    }

    /** Another writer appended to the order first. */
    public static class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(UUID orderId) {
            super("order " + orderId + " changed meanwhile");
        }
    }

    /** A snapshot is taken every this many events. */
    static final int SNAPSHOT_EVERY = 10;

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Map<String, Class<? extends OrderEvent>> TYPES = Arrays.stream(OrderEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(OrderEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final Pool database;
    private final ObjectMapper json;

    OrderEventStore(Pool database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The order as its events make it now (version 0, no status: there is no such order). */
    public Uni<Order> load(SqlClient connection, UUID orderId) {
        return connection.preparedQuery("SELECT seq, state FROM order_snapshots WHERE order_id = $1").execute(Tuple.of(orderId))
                .chain(snapshots -> {
                    Order start = snapshots.size() == 0 ? Order.empty(orderId) : read(snapshots.iterator().next().getString("state"), Order.class);
                    return events(connection, orderId, start.version).map(events -> {
                        for (Stored stored : events) {
                            start.apply(stored.event(), stored.seq(), stored.at());
                            if (stored.correlationId() != null) {
                                start.correlationId = stored.correlationId();
                            }
                        }
                        return start;
                    });
                });
    }

    /** The order folded from its events alone, ignoring snapshots (to check them, and the live state). */
    public Uni<Order> replay(UUID orderId) {
        return events(database, orderId, 0).map(events -> {
            Order order = Order.empty(orderId);
            events.forEach(stored -> order.apply(stored.event(), stored.seq(), stored.at()));
            return order;
        });
    }

    public Uni<List<Stored>> history(UUID orderId) {
        return events(database, orderId, 0);
    }

    /**
     * Appends {@code events} after version {@code order.version - events.size()} (the order has
     * folded them already), and snapshots the order when it crossed a multiple of
     * {@link #SNAPSHOT_EVERY}. Fails with {@link ConcurrentChange} if a number is taken.
     */
    public Uni<Void> append(SqlClient connection, Order order, List<OrderEvent> events, Instant at, UUID causationId, UUID correlationId) {
        int first = order.version - events.size() + 1;
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            rows.add(Tuple.from(new Object[] { order.id, first + i, event.type(), write(event), utc(at), causationId, correlationId }));
        }
        Uni<Void> appended = connection.preparedQuery("INSERT INTO order_events (order_id, seq, type, payload, occurred_at, causation_id,"
                + " correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)").executeBatch(rows)
                .onFailure(failure -> failure instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .transform(failure -> new ConcurrentChange(order.id))
                .replaceWithVoid();
        if (order.version / SNAPSHOT_EVERY == (first - 1) / SNAPSHOT_EVERY) {
            return appended;
        }
        return appended.chain(() -> connection.preparedQuery("INSERT INTO order_snapshots (order_id, seq, state, taken_at) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (order_id) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, taken_at = EXCLUDED.taken_at")
                .execute(Tuple.of(order.id, order.version, write(order), utc(at))).replaceWithVoid());
    }

    /** Every order's id, in the order they were placed, a page at a time (for rebuilding read models). */
    public Uni<List<UUID>> orderIds(UUID after, int limit) {
        return database.preparedQuery("SELECT order_id FROM order_events WHERE seq = 1 AND order_id > $1 ORDER BY order_id LIMIT $2")
                .execute(Tuple.of(after == null ? new UUID(0, 0) : after, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("order_id")));
                    return ids;
                });
    }

    private Uni<List<Stored>> events(SqlClient connection, UUID orderId, int afterSeq) {
        return connection.preparedQuery("SELECT seq, type, payload, occurred_at, causation_id, correlation_id FROM order_events"
                + " WHERE order_id = $1 AND seq > $2 ORDER BY seq").execute(Tuple.of(orderId, afterSeq))
                .map(rows -> {
                    List<Stored> events = new ArrayList<>();
                    for (Row row : rows) {
                        Class<? extends OrderEvent> type = TYPES.get(row.getString("type"));
                        if (type == null) {
                            throw new IllegalStateException("order " + orderId + " has an event of unknown type " + row.getString("type"));
                        }
                        events.add(new Stored(orderId, row.getInteger("seq"), read(row.getString("payload"), type),
                                row.getOffsetDateTime("occurred_at").toInstant(), row.getUUID("causation_id"), row.getUUID("correlation_id")));
                    }
                    return events;
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

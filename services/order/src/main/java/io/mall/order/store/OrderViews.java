package io.mall.order.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.order.domain.Order;
import io.mall.order.domain.OrderStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code orders} read model: one row per order, written in the transaction that appends the
 * order's events (so it is never behind), and rebuilt from the events alone when asked. A
 * shopper's history and the saga's deadlines are read from it.
 */
@ApplicationScoped
public class OrderViews {

    /** One order in a history list. */
    public record Summary(UUID orderId, UUID userId, OrderStatus status, long total, String currency, int itemCount, String firstItem,
            Instant placedAt, Instant updatedAt) {
    }

    /** A page of a history, and how many there are in all. */
    public record Page(List<Summary> items, long total) {
    }

    /** An order whose saga step is past its deadline. */
    public record Due(UUID orderId, String step) {
    }

    private final Pool database;

    OrderViews(Pool database) {
        this.database = database;
    }

    /** A day of trade: orders placed that day (Seoul time) by their status now, and what the sold ones took. */
    public record Day(LocalDate day, long orders, Map<String, Long> byStatus, long sold, long revenue) {
    }

    /** A product among the most sold. */
    public record TopProduct(String productId, String name, long quantity, long revenue) {
    }

    /** Statistics over a range of days, in one currency. */
    public record Statistics(List<Day> days, List<TopProduct> topProducts, long averageOrderValue, String currency) {
    }

    /** The statuses whose money is kept: paid, on its way, delivered. */
    private static final List<String> SOLD = List.of("PAID", "SHIPPING", "DELIVERED");

    /** Writes the lines of a new order (the statistics' top products read them). */
    public Uni<Void> projectLines(SqlClient connection, Order order) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < order.lines.size(); i++) {
            var line = order.lines.get(i);
            rows.add(Tuple.from(new Object[] { order.id, i + 1, line.sku(), line.productId(), line.name(), line.quantity(), line.amount() }));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("INSERT INTO order_lines (order_id, line_no, sku, product_id, name, quantity, amount)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING").executeBatch(rows).replaceWithVoid();
    }

    /** Writes the order's row as the order now is; {@code deadline} is the saga step it waits for, if any. */
    public Uni<Void> project(SqlClient connection, Order order, Order.Deadline deadline) {
        int items = order.lines.stream().mapToInt(line -> line.quantity()).sum();
        String first = order.lines.isEmpty() ? null : order.lines.get(0).name();
        return connection.preparedQuery("""
                INSERT INTO orders (order_id, user_id, status, total, currency, item_count, first_item, placed_at, updated_at, version,
                                    deadline_step, deadline_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version,
                    deadline_step = EXCLUDED.deadline_step, deadline_at = EXCLUDED.deadline_at
                WHERE orders.version < EXCLUDED.version""")
                .execute(Tuple.from(new Object[] { order.id, order.userId, order.status.name(), order.total, order.currency, items,
                        first, utc(order.placedAt), utc(order.updatedAt), order.version, deadline == null ? null : deadline.step(),
                        deadline == null ? null : utc(deadline.at()) }))
                .replaceWithVoid();
    }

    /**
     * A shopper's orders ({@code userId} null: everyone's, for staff), newest first, optionally of
     * one status and placed within {@code [from, to)}.
     */
    public Uni<Page> history(UUID userId, OrderStatus status, Instant from, Instant to, int page, int size) {
        String where = " WHERE ($1::uuid IS NULL OR user_id = $1) AND ($2::varchar IS NULL OR status = $2)"
                + " AND ($3::timestamptz IS NULL OR placed_at >= $3) AND ($4::timestamptz IS NULL OR placed_at < $4)";
        Tuple filters = Tuple.from(new Object[] { userId, status == null ? null : status.name(), utc(from), utc(to) });
        Uni<List<Summary>> items = database.preparedQuery("SELECT * FROM orders" + where
                + " ORDER BY placed_at DESC, order_id LIMIT $5 OFFSET $6")
                .execute(Tuple.from(new Object[] { userId, status == null ? null : status.name(), utc(from), utc(to), size, page * size }))
                .map(rows -> {
                    List<Summary> found = new ArrayList<>();
                    rows.forEach(row -> found.add(summary(row)));
                    return found;
                });
        Uni<Long> count = database.preparedQuery("SELECT count(*) FROM orders" + where).execute(filters)
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, count).asTuple().map(both -> new Page(both.getItem1(), both.getItem2()));
    }

    /** Orders whose saga step is past its deadline at {@code now}, oldest first. */
    public Uni<List<Due>> due(Instant now, int limit) {
        return database.preparedQuery("SELECT order_id, deadline_step FROM orders WHERE deadline_at <= $1 ORDER BY deadline_at LIMIT $2")
                .execute(Tuple.of(utc(now), limit))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("order_id"), row.getString("deadline_step"))));
                    return due;
                });
    }

    /** Forgets every row, before a rebuild from the events. */
    public Uni<Void> clear(SqlClient connection) {
        return connection.query("DELETE FROM orders").execute().chain(() -> connection.query("DELETE FROM order_lines").execute())
                .replaceWithVoid();
    }

    /**
     * Orders and revenue per day by status, the most sold products and the average order value,
     * over the orders placed in {@code [from, to)} in {@code currency}. Revenue counts the orders
     * whose money is kept (paid, shipping, delivered).
     */
    public Uni<Statistics> statistics(Instant from, Instant to, String currency, int top) {
        Uni<List<Day>> days = database.preparedQuery("SELECT (placed_at AT TIME ZONE 'Asia/Seoul')::date AS day, status,"
                + " count(*) AS orders, sum(total) AS total FROM orders WHERE placed_at >= $1 AND placed_at < $2 AND currency = $3"
                + " GROUP BY 1, 2 ORDER BY 1, 2")
                .execute(Tuple.of(utc(from), utc(to), currency)).map(rows -> {
                    Map<LocalDate, Day> byDay = new TreeMap<>();
                    for (Row row : rows) {
                        LocalDate day = row.getLocalDate("day");
                        String status = row.getString("status");
                        long count = row.getLong("orders");
                        boolean sold = SOLD.contains(status);
                        Day before = byDay.getOrDefault(day, new Day(day, 0, Map.of(), 0, 0));
                        Map<String, Long> statuses = new TreeMap<>(before.byStatus());
                        statuses.put(status, count);
                        byDay.put(day, new Day(day, before.orders() + count, statuses, before.sold() + (sold ? count : 0),
                                before.revenue() + (sold ? row.getLong("total") : 0)));
                    }
                    return new ArrayList<>(byDay.values());
                });
        Uni<List<TopProduct>> products = database.preparedQuery("SELECT l.product_id, min(l.name) AS name, sum(l.quantity) AS quantity,"
                + " sum(l.amount) AS revenue FROM order_lines l JOIN orders o ON o.order_id = l.order_id"
                + " WHERE o.placed_at >= $1 AND o.placed_at < $2 AND o.currency = $3 AND o.status = ANY($4)"
                + " GROUP BY l.product_id ORDER BY quantity DESC, revenue DESC, l.product_id LIMIT $5")
                .execute(Tuple.of(utc(from), utc(to), currency, SOLD.toArray(String[]::new), top)).map(rows -> {
                    List<TopProduct> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new TopProduct(row.getString("product_id"), row.getString("name"), row.getLong("quantity"),
                            row.getLong("revenue"))));
                    return found;
                });
        return Uni.combine().all().unis(days, products).asTuple().map(both -> {
            long sold = both.getItem1().stream().mapToLong(Day::sold).sum();
            long revenue = both.getItem1().stream().mapToLong(Day::revenue).sum();
            return new Statistics(both.getItem1(), both.getItem2(), sold == 0 ? 0 : Math.round((double) revenue / sold), currency);
        });
    }


    private static Summary summary(Row row) {
        return new Summary(row.getUUID("order_id"), row.getUUID("user_id"), OrderStatus.valueOf(row.getString("status")), row.getLong("total"),
                row.getString("currency"), row.getInteger("item_count"), row.getString("first_item"),
                row.getOffsetDateTime("placed_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

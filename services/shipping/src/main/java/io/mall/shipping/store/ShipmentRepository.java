package io.mall.shipping.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.mall.shipping.domain.Shipment;
import io.mall.shipping.domain.ShipmentStatus;
import io.mall.shipping.domain.TrackingEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    /** A shipment the poller is to ask its carrier about. */
    public record Due(UUID id, String carrier, String trackingNumber) {
    }

    /** The channel on which a committed change to a shipment's history is announced (its id the payload). */
    public static final String TRACKING_CHANNEL = "shipment_tracking";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool database;

    ShipmentRepository(Pool database) {
        this.database = database;
    }

    public Uni<Shipment> ofOrder(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }

    /** The order's shipment, locked for the rest of the transaction. */
    public Uni<Shipment> ofOrderLocked(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The shipment a carrier knows by this number, locked for the rest of the transaction. */
    public Uni<Shipment> trackedLocked(String carrier, String trackingNumber) {
        return find("carrier = ?1 and trackingNumber = ?2", carrier, trackingNumber).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** A shopper's shipments, newest first. */
    public Uni<List<Shipment>> of(UUID userId, int page, int size) {
        return find("userId", Sort.by("createdAt").descending().and("id"), userId).page(Page.of(page, size)).list();
    }

    /** The shipment's history after event {@code afterSeq}, in order. */
    public Uni<List<TrackingEvent>> history(UUID shipmentId, int afterSeq) {
        return getSession().chain(session -> session
                .createSelectionQuery("from TrackingEvent where shipmentId = :id and seq > :after order by seq", TrackingEvent.class)
                .setParameter("id", shipmentId).setParameter("after", afterSeq).getResultList());
    }

    /**
     * As {@link #history}, on the connection pool rather than a Hibernate session: live streams read
     * from timer and notification threads, where no session may be opened.
     */
    public Uni<List<TrackingEvent>> eventsAfter(UUID shipmentId, int afterSeq) {
        return database.preparedQuery("SELECT seq, status, place, detail, at FROM tracking_events WHERE shipment_id = $1 AND seq > $2 ORDER BY seq")
                .execute(Tuple.of(shipmentId, afterSeq))
                .map(rows -> {
                    List<TrackingEvent> events = new java.util.ArrayList<>();
                    rows.forEach(row -> {
                        TrackingEvent event = new TrackingEvent();
                        event.shipmentId = shipmentId;
                        event.seq = row.getInteger("seq");
                        event.status = ShipmentStatus.valueOf(row.getString("status"));
                        event.place = row.getString("place");
                        event.detail = row.getString("detail");
                        event.at = row.getOffsetDateTime("at").toInstant();
                        events.add(event);
                    });
                    return events;
                });
    }

    public Uni<Void> append(List<TrackingEvent> events) {
        return getSession().chain(session -> session.persistAll(events.toArray()));
    }

    /**
     * Announces, on commit, that the shipment's history grew: every replica's live streams of it
     * read what is new. PostgreSQL delivers a notification only if its transaction commits.
     */
    public Uni<Void> announce(UUID shipmentId) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(1 AS integer) FROM pg_notify(:channel, :id)", Integer.class)
                .setParameter("channel", TRACKING_CHANNEL).setParameter("id", shipmentId.toString())
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Claims up to {@code batch} shipments whose carrier is due to be asked, by moving their next
     * poll a lease ahead: another replica skips them meanwhile, and if this one fails to record an
     * answer they are due again when the lease ends.
     */
    public Uni<List<Due>> claimDue(Instant now, Duration lease, int batch) {
        return database.preparedQuery("""
                UPDATE shipments SET next_poll_at = $2
                WHERE id IN (SELECT id FROM shipments WHERE next_poll_at <= $1 ORDER BY next_poll_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING id, carrier, tracking_number""")
                .execute(Tuple.of(utc(now), utc(now.plus(lease)), batch))
                .map(rows -> {
                    List<Due> due = new java.util.ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("id"), row.getString("carrier"), row.getString("tracking_number"))));
                    return due;
                });
    }

    /** What an erased recipient's fields hold: nothing of the person, and no cipher to open. */
    public static final String ERASED = "erased";

    /**
     * Removes what the shopper's shipments say of the person: the recipient's name and phone and
     * the street lines. Country, postal code and city stay, with the scans.
     */
    public Uni<Integer> forget(UUID shopper) {
        return getSession().chain(session -> session.createNativeQuery("UPDATE shipments SET recipient_cipher = :erased,"
                + " phone_cipher = :erased, line1 = :erased, line2 = NULL, region = NULL WHERE user_id = :user")
                .setParameter("erased", ERASED).setParameter("user", shopper).executeUpdate());
    }

    /** Remembers that the order was cancelled; answers whether this is the first time. */
    public Uni<Boolean> rememberCancelled(UUID orderId, String reason, Instant at) {
        return getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO cancelled_orders (order_id, reason, cancelled_at) VALUES (:order, :reason, :at)
                ON CONFLICT (order_id) DO NOTHING""").setParameter("order", orderId).setParameter("reason", reason)
                .setParameter("at", at).executeUpdate()).map(inserted -> inserted > 0);
    }

    public Uni<Boolean> wasCancelled(UUID orderId) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(count(*) AS integer) FROM cancelled_orders WHERE order_id = :order", Integer.class)
                .setParameter("order", orderId).getSingleResult()).map(count -> count > 0);
    }

    /** Whether a write failed because the order already has its shipment (two creates at once). */
    public static boolean isDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

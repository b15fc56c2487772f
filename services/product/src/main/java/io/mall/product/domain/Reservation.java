package io.mall.product.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.mall.domain.Conflict;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * An order's claim on stock, keyed by the order id so a repeated command finds the first
 * outcome. PENDING while holds are being placed; then RESERVED or REJECTED; finally RELEASED
 * (on request or after {@code expiresAt}) or COMMITTED (shipped).
 */
@MongoEntity(collection = "reservations")
public class Reservation {

    public enum State {
        PENDING, RESERVED, REJECTED, RELEASED, COMMITTED;

        /** The states a reservation may move to this one from: the one place the transitions are written down. */
        public List<State> reachableFrom() {
            return switch (this) {
                case PENDING -> List.of();
                case RESERVED, REJECTED -> List.of(PENDING);
                case RELEASED, COMMITTED -> List.of(RESERVED);
            };
        }
    }

    /** A line of the order: so many units of a SKU. */
    public static class Line {
        public String sku;
        public int quantity;

        public Line() {
        }

        public Line(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }
    }

    @BsonId
    public String orderId;
    public List<Line> lines = new ArrayList<>();
    public State state;
    public List<String> unavailable = new ArrayList<>();
    public Instant createdAt;
    public Instant expiresAt;
    public Instant updatedAt;
    public List<PendingEvent> outbox = new ArrayList<>();
    /** Released or committed, and some of its holds may not have been given back or let go yet. */
    public boolean holdsUnsettled;

    /** An order's first claim: pending until every line is held, or one is short. */
    public static Reservation claim(String orderId, List<Line> lines, Instant now) {
        Reservation claim = new Reservation();
        claim.orderId = orderId;
        claim.lines = List.copyOf(lines);
        claim.state = State.PENDING;
        claim.createdAt = now;
        claim.updatedAt = now;
        return claim;
    }

    public boolean isSettled() {
        return state != State.PENDING;
    }

    /** Whether a release has units to give back; released, rejected or committed reservations hold none. */
    public boolean holdsStock() {
        return state == State.RESERVED;
    }

    /**
     * Whether a commit has anything to do: not when it is committed already (a repeated command);
     * refused when nothing is held (rejected, released, still pending).
     */
    public boolean needsCommit() {
        if (state == State.COMMITTED) {
            return false;
        }
        if (state != State.RESERVED) {
            throw new Conflict("the reservation for order " + orderId + " is " + state);
        }
        return true;
    }

    /** Whether its held units left the warehouse (committed) rather than going back on sale (released). */
    public boolean shipped() {
        return state == State.COMMITTED;
    }

    /** A pending claim older than this was left by a crash while placing its holds. */
    public static Instant abandonedBefore(Instant now) {
        return now.minus(Duration.ofMinutes(2));
    }
}

package io.mall.product.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * An order's claim on stock, keyed by the order id so a repeated command finds the first
 * outcome. PENDING while holds are being placed; then RESERVED or REJECTED; finally RELEASED
 * (on request or after {@code expiresAt}) or COMMITTED (shipped).
 */
@MongoEntity(collection = "reservations")
public class Reservation {

    public enum State {
        PENDING, RESERVED, REJECTED, RELEASED, COMMITTED
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

    public boolean isSettled() {
        return state != State.PENDING;
    }
}

package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.StockCommitted;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockLow;
import io.mall.contracts.product.StockRejected;
import io.mall.contracts.product.StockReleased;
import io.mall.contracts.product.StockReserved;
import io.mall.problem.ProblemException;
import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Reservation;
import io.mall.product.domain.StockItem;
import io.mall.product.messaging.OutboxRelay;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Stock per SKU, reserved for orders all or nothing without multi-document transactions: each
 * hold is one conditional update of one stock document ({@code available >= n}, and no hold of
 * this order yet), recorded under the order id, so it can be undone or repeated safely. The
 * reservation document, keyed by the order id, makes every command idempotent: the same
 * command again returns the first outcome. Events travel inside the documents they report.
 */
@ApplicationScoped
public class Inventory {

    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final Events events;
    private final OutboxRelay relay;
    private final SearchIndexer indexer;
    private final Clock clock;
    private final Duration holdFor;

    Inventory(StockRepository stock, ReservationRepository reservations, Events events, OutboxRelay relay,
            SearchIndexer indexer, Clock clock,
            @ConfigProperty(name = "mall.product.reservation-ttl", defaultValue = "PT30M") Duration holdFor) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        this.relay = relay;
        this.indexer = indexer;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /** Holds every line for the order, or none of them. Asking again returns the first outcome. */
    public Uni<Reservation> reserve(UUID orderId, List<StockLine> lines) {
        Reservation claim = new Reservation();
        claim.orderId = orderId.toString();
        claim.lines = lines.stream().map(l -> new Reservation.Line(l.sku(), l.quantity())).toList();
        claim.state = Reservation.State.PENDING;
        claim.createdAt = clock.instant();
        claim.updatedAt = claim.createdAt;
        return reservations.persist(claim)
                .onFailure(Inventory::isDuplicateKey).recoverWithNull()
                .chain(inserted -> inserted == null ? reservations.findById(claim.orderId) : placeHolds(claim))
                .invoke(this::nudge);
    }

    private Uni<Reservation> placeHolds(Reservation claim) {
        List<Reservation.Line> held = new ArrayList<>();
        return Multi.createFrom().iterable(claim.lines)
                .onItem().transformToUniAndConcatenate(line -> hold(claim.orderId, line).map(ok -> {
                    if (ok) {
                        held.add(line);
                    }
                    return ok;
                }))
                // stop at the first line that cannot be held
                .filter(ok -> !ok)
                .select().first()
                .collect().first()
                .chain(shortLine -> {
                    if (shortLine == null) {
                        return settle(claim, Reservation.State.RESERVED, List.of());
                    }
                    List<String> unavailable = claim.lines.stream()
                            .filter(line -> held.stream().noneMatch(h -> h == line))
                            .limit(1).map(line -> line.sku).toList();
                    return Multi.createFrom().iterable(held)
                            .onItem().transformToUniAndConcatenate(line -> undoHold(claim.orderId, line, false))
                            .collect().last()
                            .chain(() -> settle(claim, Reservation.State.REJECTED, unavailable));
                });
    }

    /** One conditional update: never takes more than is available, never holds twice for one order. */
    private Uni<Boolean> hold(String orderId, Reservation.Line line) {
        Bson filter = and(eq("_id", line.sku), gte("available", line.quantity), exists("holds." + orderId, false));
        Bson update = Updates.combine(Updates.inc("available", -line.quantity), Updates.inc("reserved", line.quantity),
                Updates.set("holds." + orderId, line.quantity));
        return stock.mongoCollection()
                .findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .chain(after -> after == null ? Uni.createFrom().item(false)
                        : reportIfLow(after).chain(() -> soldOutChanged(after, 0)).replaceWith(true));
    }

    /** Gives a hold back (release) or lets it go (commit); does nothing when this order holds nothing here. */
    private Uni<Void> undoHold(String orderId, Reservation.Line line, boolean shipped) {
        Bson filter = and(eq("_id", line.sku), exists("holds." + orderId, true));
        Bson update = shipped
                ? Updates.combine(Updates.inc("reserved", -line.quantity), Updates.unset("holds." + orderId))
                : Updates.combine(Updates.inc("available", line.quantity), Updates.inc("reserved", -line.quantity),
                        Updates.unset("holds." + orderId));
        return stock.mongoCollection()
                .findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .chain(after -> after == null || shipped ? Uni.createFrom().voidItem()
                        : clearLowMark(line.sku).chain(() -> soldOutChanged(after, line.quantity)));
    }

    private Uni<Reservation> settle(Reservation claim, Reservation.State state, List<String> unavailable) {
        Instant now = clock.instant();
        Instant expiresAt = state == Reservation.State.RESERVED ? now.plus(holdFor) : null;
        List<StockLine> lines = claim.lines.stream().map(l -> new StockLine(l.sku, l.quantity)).toList();
        UUID orderId = UUID.fromString(claim.orderId);
        PendingEvent event = state == Reservation.State.RESERVED
                ? events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RESERVED, claim.orderId, new StockReserved(orderId, lines, expiresAt))
                : events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_REJECTED, claim.orderId,
                        new StockRejected(orderId, unavailable, "not enough stock"));
        return transition(claim.orderId, List.of(Reservation.State.PENDING), state, event,
                Updates.combine(Updates.set("expiresAt", expiresAt), Updates.set("unavailable", unavailable)));
    }

    /**
     * Makes what was held for the order available again. Releasing an unknown order leaves a
     * released record, so a reservation arriving late for it holds nothing.
     */
    public Uni<Reservation> release(UUID orderId, boolean expired) {
        String id = orderId.toString();
        return reservations.findById(id).chain(found -> {
            if (found == null) {
                Reservation tombstone = new Reservation();
                tombstone.orderId = id;
                tombstone.state = Reservation.State.RELEASED;
                tombstone.createdAt = clock.instant();
                tombstone.updatedAt = tombstone.createdAt;
                return reservations.persist(tombstone).onFailure(Inventory::isDuplicateKey)
                        .recoverWithUni(() -> reservations.findById(id)).chain(r -> r.state == Reservation.State.RELEASED
                                ? Uni.createFrom().item(r) : release(orderId, expired));
            }
            if (found.state != Reservation.State.RESERVED) {
                // released, rejected (nothing held) or committed (gone): nothing to give back
                return Uni.createFrom().item(found);
            }
            return Multi.createFrom().iterable(found.lines)
                    .onItem().transformToUniAndConcatenate(line -> undoHold(id, line, false))
                    .collect().last()
                    .chain(() -> transition(id, List.of(Reservation.State.RESERVED), Reservation.State.RELEASED,
                            events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RELEASED, id, new StockReleased(orderId, expired)),
                            null));
        }).invoke(this::nudge);
    }

    /** The held units have shipped: they leave the books. */
    public Uni<Reservation> commit(UUID orderId) {
        String id = orderId.toString();
        return reservations.findById(id).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("no reservation for order " + orderId);
            }
            if (found.state == Reservation.State.COMMITTED) {
                return Uni.createFrom().item(found);
            }
            if (found.state != Reservation.State.RESERVED) {
                throw ProblemException.conflict("the reservation for order " + orderId + " is " + found.state);
            }
            return Multi.createFrom().iterable(found.lines)
                    .onItem().transformToUniAndConcatenate(line -> undoHold(id, line, true))
                    .collect().last()
                    .chain(() -> transition(id, List.of(Reservation.State.RESERVED), Reservation.State.COMMITTED,
                            events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_COMMITTED, id, new StockCommitted(orderId)),
                            null));
        }).invoke(this::nudge);
    }

    /** A reservation's transition writes events into it and, for low stock, into its SKUs: send them. */
    private void nudge(Reservation reservation) {
        if (reservation != null) {
            relay.nudge("reservations", List.of(reservation.orderId));
            relay.nudge("stock", reservation.lines.stream().map(line -> line.sku).toList());
        }
    }

    /** Reservations whose time ran out, released; and claims left pending by a crash, rolled back. */
    public Uni<Integer> expire() {
        Instant now = clock.instant();
        Uni<List<Reservation>> overdue = reservations.list(new Document("state", Reservation.State.RESERVED.name())
                .append("expiresAt", new Document("$lt", now)));
        Uni<List<Reservation>> stuck = reservations.list(new Document("state", Reservation.State.PENDING.name())
                .append("createdAt", new Document("$lt", now.minus(Duration.ofMinutes(2)))));
        return overdue.chain(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(r -> release(UUID.fromString(r.orderId), true))
                .collect().asList().map(List::size))
                .chain(released -> stuck.chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(r -> Multi.createFrom().iterable(r.lines)
                                .onItem().transformToUniAndConcatenate(line -> undoHold(r.orderId, line, false))
                                .collect().last()
                                .chain(() -> settle(r, Reservation.State.REJECTED, List.of())))
                        .collect().asList().map(rolledBack -> released + rolledBack.size())));
    }

    /** Adds (restock) or removes (count, damage) units, with who did it and why in the item's audit trail. */
    public Uni<StockItem> adjust(String sku, int delta, String reason, String actor) {
        Document entry = new Document("at", clock.instant()).append("delta", delta).append("reason", reason)
                .append("actor", actor);
        Bson filter = delta >= 0 ? eq("_id", sku) : and(eq("_id", sku), gte("available", -delta));
        return stock.mongoCollection()
                .findOneAndUpdate(filter, Updates.combine(Updates.inc("available", delta), Updates.push("audit", entry)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .chain(after -> {
                    if (after != null) {
                        return (delta >= 0 ? clearLowMark(sku) : reportIfLow(after))
                                .chain(() -> soldOutChanged(after, Math.max(delta, 0)))
                                .chain(() -> stock.findById(sku));
                    }
                    return stock.findById(sku).map(item -> {
                        if (item == null) {
                            throw ProblemException.notFound("no SKU " + sku);
                        }
                        throw ProblemException.invalidField("delta", "would leave " + (item.available + delta) + " units; "
                                + item.available + " are available");
                    });
                }).invoke(() -> relay.nudge("stock", List.of(sku)));
    }

    /**
     * Search filters on "in stock": re-index the product when a SKU just sold out ({@code gained}
     * 0 and none left) or just came back ({@code gained} units are all there is).
     */
    private Uni<Void> soldOutChanged(StockItem after, int gained) {
        boolean changed = gained == 0 ? after.available == 0 : after.available == gained;
        return changed ? indexer.reindex(after.productId) : Uni.createFrom().voidItem();
    }

    private Uni<Void> reportIfLow(StockItem after) {
        if (after.available >= after.lowStockThreshold || after.lowStockReported) {
            return Uni.createFrom().voidItem();
        }
        PendingEvent event = events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_LOW, after.sku,
                new StockLow(after.sku, after.productId, after.available, after.lowStockThreshold));
        return stock.mongoCollection().updateOne(and(eq("_id", after.sku), eq("lowStockReported", false)),
                Updates.combine(Updates.set("lowStockReported", true), Updates.push("outbox", event))).replaceWithVoid();
    }

    /** Once stock is back at or above the threshold, the next fall below it is reported again. */
    private Uni<Void> clearLowMark(String sku) {
        return stock.findById(sku).chain(item -> item != null && item.lowStockReported && item.available >= item.lowStockThreshold
                ? stock.mongoCollection().updateOne(eq("_id", sku), Updates.set("lowStockReported", false)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private Uni<Reservation> transition(String orderId, List<Reservation.State> from, Reservation.State to, PendingEvent event,
            Bson more) {
        Bson filter = and(eq("_id", orderId), in("state", from.stream().map(Enum::name).toList()));
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("state", to.name()), Updates.set("updatedAt", clock.instant()),
                Updates.push("outbox", event)));
        if (more != null) {
            changes.add(more);
        }
        Bson update = Updates.combine(changes);
        return reservations.mongoCollection().updateOne(filter, update).chain(() -> reservations.findById(orderId));
    }

    public Uni<Reservation> reservation(UUID orderId) {
        return reservations.findById(orderId.toString());
    }

    /** Stock items of these SKUs, for reads. */
    public Uni<List<StockItem>> of(List<String> skus) {
        return stock.list(new Document("_id", new Document("$in", skus)));
    }

    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

}

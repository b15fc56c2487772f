package io.mall.product.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.StockCommitted;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockLow;
import io.mall.contracts.product.StockRejected;
import io.mall.contracts.product.StockReleased;
import io.mall.contracts.product.StockReserved;
import io.mall.domain.NotFound;
import io.mall.product.ProductConfig;
import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Reservation;
import io.mall.product.domain.StockAdjustment;
import io.mall.product.domain.StockItem;
import io.mall.product.store.Events;
import io.mall.product.store.Outboxes;
import io.mall.product.store.ReservationRepository;
import io.mall.product.store.SearchIndexer;
import io.mall.product.store.StockRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Stock per SKU, reserved for orders all or nothing without multi-document transactions: each
 * hold is one conditional update of one stock document, recorded under the order id, so it can be
 * undone or repeated safely. The reservation document, keyed by the order id, makes every command
 * idempotent: the same command again returns the first outcome. Events travel inside the
 * documents they report.
 */
@ApplicationScoped
public class Inventory {

    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final Events events;
    private final Outboxes outboxes;
    private final SearchIndexer indexer;
    private final Clock clock;
    private final Duration holdFor;
    private final MeterRegistry registry;

    Inventory(StockRepository stock, ReservationRepository reservations, Events events, Outboxes outboxes,
            SearchIndexer indexer, Clock clock, ProductConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        this.outboxes = outboxes;
        this.indexer = indexer;
        this.clock = clock;
        this.holdFor = config.reservationTtl();
    }

    /** Holds every line for the order, or none of them. Asking again returns the first outcome. */
    public Uni<Reservation> reserve(UUID orderId, List<StockLine> lines) {
        Reservation claim = Reservation.claim(orderId.toString(),
                lines.stream().map(l -> new Reservation.Line(l.sku(), l.quantity())).toList(), clock.instant());
        return reservations.claim(claim)
                .chain(first -> first ? placeHolds(claim) : reservations.findById(claim.orderId))
                .invoke(this::eventsWritten);
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

    private Uni<Boolean> hold(String orderId, Reservation.Line line) {
        return stock.hold(orderId, line.sku, line.quantity)
                .chain(after -> after == null ? Uni.createFrom().item(false)
                        : reportIfLow(after).chain(() -> indexIfSoldOutChanged(after, 0)).replaceWith(true));
    }

    private Uni<Void> undoHold(String orderId, Reservation.Line line, boolean shipped) {
        return stock.undoHold(orderId, line.sku, line.quantity, shipped)
                .chain(after -> after == null || shipped ? Uni.createFrom().voidItem()
                        : clearLowMark(after).chain(() -> indexIfSoldOutChanged(after, line.quantity)));
    }

    private Uni<Reservation> settle(Reservation claim, Reservation.State outcome, List<String> unavailable) {
        Instant now = clock.instant();
        Instant expiresAt = outcome == Reservation.State.RESERVED ? now.plus(holdFor) : null;
        List<StockLine> lines = claim.lines.stream().map(l -> new StockLine(l.sku, l.quantity)).toList();
        UUID orderId = UUID.fromString(claim.orderId);
        PendingEvent event = outcome == Reservation.State.RESERVED
                ? events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RESERVED, claim.orderId, new StockReserved(orderId, lines, expiresAt))
                : events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_REJECTED, claim.orderId,
                        new StockRejected(orderId, unavailable, "not enough stock"));
        return reservations.transition(claim.orderId, outcome.reachableFrom(), outcome, event, now, expiresAt, unavailable, false)
                .invoke(settled -> {
                    if (settled != null) {
                        // an order's reservation is decided once: counted when it is
                        registry.counter("mall.product.reservations", "outcome", outcome == Reservation.State.RESERVED ? "reserved" : "refused")
                                .increment();
                    }
                })
                // settled by another replica's expiry sweep meanwhile: its outcome stands
                .chain(settled -> settled != null ? Uni.createFrom().item(settled) : reservations.findById(claim.orderId));
    }

    /**
     * Makes what was held for the order available again. Releasing an unknown order leaves a
     * released record, so a reservation arriving late for it holds nothing.
     */
    public Uni<Reservation> release(UUID orderId, boolean expired) {
        String id = orderId.toString();
        return reservations.findById(id).chain(found -> {
            if (found == null) {
                Reservation tombstone = Reservation.claim(id, List.of(), clock.instant());
                tombstone.state = Reservation.State.RELEASED;
                return reservations.claim(tombstone).chain(() -> reservations.findById(id))
                        .chain(r -> r.state == Reservation.State.RELEASED ? Uni.createFrom().item(r) : release(orderId, expired));
            }
            if (!found.holdsStock()) {
                return Uni.createFrom().item(found);
            }
            // the state moves first, in one guarded update; only the change that moved it touches the holds
            return reservations.transition(id, Reservation.State.RELEASED.reachableFrom(), Reservation.State.RELEASED,
                    events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RELEASED, id, new StockReleased(orderId, expired)),
                    clock.instant(), null, null, true)
                    .chain(released -> released == null ? reservations.findById(id) : settleHolds(released));
        }).invoke(this::eventsWritten);
    }

    /** The held units have shipped: they leave the books. */
    public Uni<Reservation> commit(UUID orderId) {
        String id = orderId.toString();
        return reservations.findById(id).chain(found -> {
            if (found == null) {
                throw new NotFound("no reservation for order " + orderId);
            }
            if (!found.needsCommit()) {
                return Uni.createFrom().item(found);
            }
            return reservations.transition(id, Reservation.State.COMMITTED.reachableFrom(), Reservation.State.COMMITTED,
                    events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_COMMITTED, id, new StockCommitted(orderId)),
                    clock.instant(), null, null, true)
                    .chain(committed -> committed != null ? settleHolds(committed)
                            // moved first by another commit (the same outcome again) or by a release (refused)
                            : reservations.findById(id).invoke(Reservation::needsCommit));
        }).invoke(this::eventsWritten);
    }

    /**
     * Gives back (released) or lets go (committed) every hold of a reservation whose state moved,
     * then notes that it is done. Each undo is guarded by the hold's presence, so finishing what a
     * crash interrupted repeats nothing.
     */
    private Uni<Reservation> settleHolds(Reservation moved) {
        return Multi.createFrom().iterable(moved.lines)
                .onItem().transformToUniAndConcatenate(line -> undoHold(moved.orderId, line, moved.shipped()))
                .collect().last()
                .chain(() -> reservations.holdsSettled(moved.orderId))
                .replaceWith(moved);
    }

    /** A reservation's transition writes events into it and, for low stock, into its SKUs: send them. */
    private void eventsWritten(Reservation reservation) {
        if (reservation != null) {
            outboxes.written("reservations", List.of(reservation.orderId));
            outboxes.written("stock", reservation.lines.stream().map(line -> line.sku).toList());
        }
    }

    /**
     * Reservations whose time ran out, released; claims left pending by a crash, rolled back; and
     * holds of released or committed reservations that a crash left unsettled, settled.
     */
    public Uni<Integer> expire() {
        Instant now = clock.instant();
        return reservations.unsettledSince(Reservation.abandonedBefore(now))
                .chain(list -> Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::settleHolds).collect().last())
                .chain(() -> reservations.overdue(now)).chain(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(r -> release(UUID.fromString(r.orderId), true))
                .collect().asList().map(List::size))
                .chain(released -> reservations.pendingSince(Reservation.abandonedBefore(now)).chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(r -> Multi.createFrom().iterable(r.lines)
                                .onItem().transformToUniAndConcatenate(line -> undoHold(r.orderId, line, false))
                                .collect().last()
                                .chain(() -> settle(r, Reservation.State.REJECTED, List.of())))
                        .collect().asList().map(rolledBack -> released + rolledBack.size())));
    }

    /** Adds (restock) or removes (count, damage) units, with who did it and why in the item's audit trail. */
    public Uni<StockItem> adjust(String sku, int delta, String reason, String actor) {
        StockAdjustment entry = new StockAdjustment();
        entry.at = clock.instant();
        entry.delta = delta;
        entry.reason = reason;
        entry.actor = actor;
        return stock.adjust(sku, delta, entry).chain(after -> {
            if (after == null) {
                return stock.findById(sku).map(item -> {
                    if (item == null) {
                        throw new NotFound("no SKU " + sku);
                    }
                    throw item.adjustmentRefused(delta);
                });
            }
            return (delta >= 0 ? clearLowMark(after) : reportIfLow(after))
                    .chain(() -> indexIfSoldOutChanged(after, Math.max(delta, 0)))
                    .chain(() -> stock.findById(sku));
        }).invoke(() -> outboxes.written("stock", List.of(sku)));
    }

    /** Search filters on "in stock": re-index the product when a SKU just sold out or just came back. */
    private Uni<Void> indexIfSoldOutChanged(StockItem after, int gained) {
        return after.soldOutChanged(gained) ? indexer.reindex(after.productId) : Uni.createFrom().voidItem();
    }

    private Uni<Void> reportIfLow(StockItem after) {
        if (!after.needsLowStockReport()) {
            return Uni.createFrom().voidItem();
        }
        return stock.markLow(after.sku, events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_LOW, after.sku,
                new StockLow(after.sku, after.productId, after.available, after.lowStockThreshold)));
    }

    private Uni<Void> clearLowMark(StockItem after) {
        return after.lowStockMarkCanClear() ? stock.clearLowMark(after.sku) : Uni.createFrom().voidItem();
    }

    public Uni<Reservation> reservation(UUID orderId) {
        return reservations.findById(orderId.toString());
    }

    /** Stock items of these SKUs, as stored now. */
    public Uni<List<StockItem>> of(List<String> skus) {
        return stock.of(skus);
    }

    /** Stock of these SKUs to show on a product page: at most {@code mall.product.shown-stock-freshness} old. */
    public Uni<List<StockItem>> shown(List<String> skus) {
        return stock.shown(skus);
    }
}

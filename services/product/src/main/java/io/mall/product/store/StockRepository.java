package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.mall.product.ProductConfig;
import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.StockAdjustment;
import io.mall.product.domain.StockItem;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The stock collection. Every change is one conditional update of one document, so available
 * units never go below zero and a hold is placed or undone at most once per order.
 */
@ApplicationScoped
public class StockRepository implements ReactivePanacheMongoRepositoryBase<StockItem, String> {

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    /** What a product page needs of an item: not its holds, audit trail or pending events, which only grow. */
    private static final Bson SHOWN_FIELDS = Projections.exclude("holds", "audit", "outbox");

    /**
     * Items as last shown, for at most the configured freshness (0: none kept, every page reads); a
     * change made here drops its SKU at once.
     */
    private final Cache<String, StockItem> shown;

    StockRepository(ProductConfig config) {
        this.shown = Caffeine.newBuilder().expireAfterWrite(config.shownStockFreshness()).maximumSize(100_000).build();
    }

    /**
     * Inserts the items one by one; at the first SKU that exists already, takes back what it
     * inserted and names that SKU. Null when all were inserted.
     */
    public Uni<String> insertAll(List<StockItem> items) {
        return insertFrom(items, 0).invoke(() -> items.forEach(item -> shown.invalidate(item.sku)));
    }

    private Uni<String> insertFrom(List<StockItem> items, int next) {
        if (next == items.size()) {
            return Uni.createFrom().nullItem();
        }
        StockItem item = items.get(next);
        return persist(item).replaceWith(true).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false)
                .chain(inserted -> inserted ? insertFrom(items, next + 1)
                        : Multi.createFrom().iterable(items.subList(0, next))
                                .onItem().transformToUniAndConcatenate(done -> deleteById(done.sku)).collect().last()
                                .replaceWith(item.sku));
    }

    /** Holds units for the order if that many are available and it holds none here yet; the item after, or null. */
    public Uni<StockItem> hold(String orderId, String sku, int quantity) {
        Bson filter = and(eq("_id", sku), gte("available", quantity), exists("holds." + orderId, false));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(Updates.inc("available", -quantity),
                Updates.inc("reserved", quantity), Updates.set("holds." + orderId, quantity)), AFTER)
                .invoke(() -> shown.invalidate(sku));
    }

    /**
     * Gives the order's hold back ({@code shipped} false: the units are available again) or lets
     * it go ({@code shipped}: they left the warehouse); the item after, or null when the order
     * holds nothing here.
     */
    public Uni<StockItem> undoHold(String orderId, String sku, int quantity, boolean shipped) {
        Bson filter = and(eq("_id", sku), exists("holds." + orderId, true));
        Bson update = shipped
                ? Updates.combine(Updates.inc("reserved", -quantity), Updates.unset("holds." + orderId))
                : Updates.combine(Updates.inc("available", quantity), Updates.inc("reserved", -quantity),
                        Updates.unset("holds." + orderId));
        return mongoCollection().findOneAndUpdate(filter, update, AFTER).invoke(() -> shown.invalidate(sku));
    }

    /** Adds or removes units with its audit entry unless that would leave fewer than none; the item after, or null. */
    public Uni<StockItem> adjust(String sku, int delta, StockAdjustment entry) {
        Bson filter = delta >= 0 ? eq("_id", sku) : and(eq("_id", sku), gte("available", -delta));
        Document audit = new Document("at", entry.at).append("delta", entry.delta).append("reason", entry.reason)
                .append("actor", entry.actor);
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(Updates.inc("available", delta), Updates.push("audit", audit)),
                AFTER).invoke(() -> shown.invalidate(sku));
    }

    /** Marks the item as reported low, with the event that reports it, unless it was marked already. */
    public Uni<Void> markLow(String sku, PendingEvent event) {
        return mongoCollection().updateOne(and(eq("_id", sku), eq("lowStockReported", false)),
                Updates.combine(Updates.set("lowStockReported", true), Updates.push("outbox", event))).replaceWithVoid();
    }

    public Uni<Void> clearLowMark(String sku) {
        return mongoCollection().updateOne(eq("_id", sku), Updates.set("lowStockReported", false)).replaceWithVoid();
    }

    /** Stock items of these SKUs, as stored now. */
    public Uni<List<StockItem>> of(List<String> skus) {
        return list(new Document("_id", new Document("$in", skus)));
    }

    /**
     * The available and reserved units of these SKUs to show, at most the configured freshness old
     * (another replica's changes show within it; this one's at once). Holds and audit are left out.
     */
    public Uni<List<StockItem>> shown(List<String> skus) {
        Map<String, StockItem> kept = shown.getAllPresent(skus);
        List<String> missing = skus.stream().filter(sku -> !kept.containsKey(sku)).distinct().toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(List.copyOf(kept.values()));
        }
        return mongoCollection().find(Filters.in("_id", missing), new FindOptions().projection(SHOWN_FIELDS))
                .collect().asList().map(read -> {
                    List<StockItem> items = new ArrayList<>(kept.values());
                    for (StockItem item : read) {
                        shown.put(item.sku, item);
                        items.add(item);
                    }
                    return items;
                });
    }
}

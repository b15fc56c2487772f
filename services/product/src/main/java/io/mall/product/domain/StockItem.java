package io.mall.product.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;

import io.mall.domain.BrokenRule;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * Stock of one SKU. {@code available} can be sold; {@code reserved} is held for orders, each hold
 * recorded under its order id in {@code holds}, so applying or undoing a hold twice is harmless.
 * Every change is one conditional update of this document (available never below zero).
 */
@MongoEntity(collection = "stock")
public class StockItem {

    @BsonId
    public String sku;
    public String productId;
    public int available;
    public int reserved;
    public int lowStockThreshold;
    /** order id → units held for it */
    public Map<String, Integer> holds = new HashMap<>();
    /** set when a low-stock event went out; cleared when stock rises above the threshold again */
    public boolean lowStockReported;
    /** every restock and adjustment, oldest first */
    public List<StockAdjustment> audit = new ArrayList<>();
    public List<PendingEvent> outbox = new ArrayList<>();

    /** Fell below its threshold and nobody was told yet. */
    public boolean needsLowStockReport() {
        return available < lowStockThreshold && !lowStockReported;
    }

    /** Back at or above its threshold after a report: the next fall below it is reported again. */
    public boolean lowStockMarkCanClear() {
        return lowStockReported && available >= lowStockThreshold;
    }

    /**
     * Whether the item just sold out ({@code gained} 0 and none left) or just came back ({@code gained}
     * units are all there is): then "in stock" changed for search.
     */
    public boolean soldOutChanged(int gained) {
        return gained == 0 ? available == 0 : available == gained;
    }

    /** Why taking {@code -delta} units was refused: never fewer than none. */
    public BrokenRule adjustmentRefused(int delta) {
        return new BrokenRule("delta", "would leave " + (available + delta) + " units; " + available + " are available");
    }
}

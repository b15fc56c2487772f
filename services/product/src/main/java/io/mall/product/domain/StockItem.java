package io.mall.product.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;

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
}

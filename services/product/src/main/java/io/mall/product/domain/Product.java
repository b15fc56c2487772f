package io.mall.product.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A product of the catalog with its variants. Archived products stay for old orders but are not sold. */
@MongoEntity(collection = "products")
public class Product {

    @BsonId
    public String id;
    public String name;
    public String brand;
    public String description;
    public List<String> images = new ArrayList<>();
    public String categoryId;
    public Map<String, String> attributes = new LinkedHashMap<>();
    public List<Variant> variants = new ArrayList<>();
    public boolean archived;
    public Rating rating = new Rating();
    public Instant createdAt;
    public Instant updatedAt;
    /** grows with every change; an update naming an older version is refused */
    public long version;
    public List<PendingEvent> outbox = new ArrayList<>();

    public Optional<Variant> variant(String sku) {
        return variants.stream().filter(v -> v.sku.equals(sku)).findFirst();
    }

    /** The cheapest variant's price: what listings show and sort by. */
    public long fromPrice() {
        return variants.stream().mapToLong(v -> v.price).min().orElse(0);
    }
}

package io.mall.product.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.codecs.pojo.annotations.BsonId;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
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

    public Variant existingVariant(String sku) {
        return variant(sku).orElseThrow(() -> new NotFound("product " + id + " has no SKU " + sku));
    }

    /** A product's SKUs are its variants' identities: each at most once. */
    public static void checkDistinctSkus(List<String> skus) {
        Set<String> seen = new HashSet<>();
        for (String sku : skus) {
            if (!seen.add(sku)) {
                throw new BrokenRule("variants", "SKU " + sku + " appears twice");
            }
        }
    }

    /** Archived products are kept for old orders, but nobody but staff sees them. */
    public Product visible(boolean includeArchived) {
        if (archived && !includeArchived) {
            throw new NotFound("no product " + id);
        }
        return this;
    }

    /**
     * Why a change made for {@code version} of product {@code id} was not written, given the
     * product as it is now ({@code current}, null when it is gone).
     */
    public static RuntimeException notAt(String id, long version, Product current) {
        return current == null ? new NotFound("no product " + id)
                : new Conflict("product " + id + " is at version " + current.version + ", not " + version + "; read it again and retry");
    }

    /** The cheapest variant's price: what listings show and sort by. */
    public long fromPrice() {
        return variants.stream().mapToLong(v -> v.price).min().orElse(0);
    }
}

package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ProductChanged;
import io.mall.problem.ProblemException;
import io.mall.product.domain.Category;
import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Product;
import io.mall.product.domain.Rating;
import io.mall.product.domain.Slugs;
import io.mall.product.domain.StockItem;
import io.mall.product.domain.Variant;
import io.mall.product.messaging.OutboxRelay;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The category tree and the products in it. Every product change is one conditional update that
 * carries the expected version and the event reporting it; a stale version gets 409.
 */
@ApplicationScoped
public class Catalog {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final StockRepository stock;
    private final Events events;
    private final SearchIndexer indexer;
    private final OutboxRelay relay;
    private final Cache cache;
    private final Clock clock;

    Catalog(ProductRepository products, CategoryRepository categories, StockRepository stock, Events events,
            SearchIndexer indexer, OutboxRelay relay, @CacheName("products") Cache cache, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.events = events;
        this.indexer = indexer;
        this.relay = relay;
        this.cache = cache;
        this.clock = clock;
    }

    /** Indexes the queries rely on; runs before the search index is built. */
    void createIndexes(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(1) StartupEvent start) {
        categories.mongoCollection().createIndex(Indexes.ascending("path"), new IndexOptions().unique(true)).await().indefinitely();
        categories.mongoCollection().createIndex(Indexes.ascending("parentId")).await().indefinitely();
        products.mongoCollection().createIndex(Indexes.ascending("categoryId")).await().indefinitely();
        stock.mongoCollection().createIndex(Indexes.ascending("productId")).await().indefinitely();
    }

    // ---- categories

    public Uni<Category> createCategory(String name, String parentId) {
        return parent(parentId).chain(parent -> {
            Category category = new Category();
            category.id = UUID.randomUUID().toString();
            category.name = name.strip();
            category.slug = Slugs.of(name);
            category.parentId = parent == null ? null : parent.id;
            category.ancestorIds = parent == null ? new ArrayList<>() : ancestry(parent);
            category.path = (parent == null ? "" : parent.path) + "/" + category.slug;
            return categories.persist(category)
                    .onFailure(Inventory::isDuplicateKey).transform(e -> ProblemException.conflict(
                            "a category " + category.path + " exists already"));
        });
    }

    public Uni<List<Category>> allCategories() {
        return categories.listAll(io.quarkus.panache.common.Sort.ascending("path"));
    }

    /** Renames and/or moves a category; paths and ancestries below it follow. */
    public Uni<Category> changeCategory(String id, String newName, String newParentId, boolean moveToRoot) {
        return existingCategory(id).chain(category -> {
            Uni<Category> parentUni = moveToRoot ? Uni.createFrom().nullItem()
                    : newParentId != null ? parent(newParentId) : parent(category.parentId);
            return parentUni.chain(parent -> {
                if (parent != null && (parent.id.equals(category.id) || parent.ancestorIds.contains(category.id))) {
                    throw ProblemException.invalidField("parentId", "a category cannot move below itself");
                }
                String oldPath = category.path;
                List<String> oldAncestry = ancestry(category);
                if (newName != null) {
                    category.name = newName.strip();
                    category.slug = Slugs.of(newName);
                }
                category.parentId = parent == null ? null : parent.id;
                category.ancestorIds = parent == null ? new ArrayList<>() : ancestry(parent);
                category.path = (parent == null ? "" : parent.path) + "/" + category.slug;
                category.version++;
                return categories.update(category)
                        .onFailure(Inventory::isDuplicateKey).transform(e -> ProblemException.conflict(
                                "a category " + category.path + " exists already"))
                        .chain(() -> rewriteSubtree(category, oldPath, oldAncestry))
                        .replaceWith(category);
            });
        });
    }

    public Uni<Void> deleteCategory(String id) {
        return existingCategory(id).chain(category -> categories.count("parentId", id).chain(children -> {
            if (children > 0) {
                throw ProblemException.conflict("category " + category.path + " has subcategories");
            }
            return products.count("categoryId", id);
        }).chain(count -> {
            if (count > 0) {
                throw ProblemException.conflict("category " + category.path + " still has " + count + " products");
            }
            return categories.deleteById(id).replaceWithVoid();
        }));
    }

    private Uni<Void> rewriteSubtree(Category moved, String oldPath, List<String> oldAncestry) {
        List<String> newAncestry = ancestry(moved);
        return categories.list(new Document("ancestorIds", moved.id)).chain(descendants -> Multi.createFrom().iterable(descendants)
                .onItem().transformToUniAndConcatenate(child -> {
                    List<String> below = child.ancestorIds.subList(oldAncestry.size(), child.ancestorIds.size());
                    child.ancestorIds = new ArrayList<>(newAncestry);
                    child.ancestorIds.addAll(below);
                    child.path = moved.path + child.path.substring(oldPath.length());
                    return categories.update(child);
                }).collect().asList())
                .chain(() -> reindexCategory(moved.id));
    }

    private Uni<Void> reindexCategory(String categoryId) {
        return categories.list(new Document("ancestorIds", categoryId)).chain(below -> {
            List<String> ids = new ArrayList<>(below.stream().map(c -> c.id).toList());
            ids.add(categoryId);
            return products.list(new Document("categoryId", new Document("$in", ids)));
        }).chain(affected -> Multi.createFrom().iterable(affected)
                .onItem().transformToUniAndConcatenate(p -> indexer.reindex(p.id)).collect().last()).replaceWithVoid();
    }

    private static List<String> ancestry(Category category) {
        List<String> ancestry = new ArrayList<>(category.ancestorIds);
        ancestry.add(category.id);
        return ancestry;
    }

    private Uni<Category> parent(String parentId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return categories.findById(parentId).map(parent -> {
            if (parent == null) {
                throw ProblemException.invalidField("parentId", "no such category");
            }
            return parent;
        });
    }

    private Uni<Category> existingCategory(String id) {
        return categories.findById(id).map(category -> {
            if (category == null) {
                throw ProblemException.notFound("no category " + id);
            }
            return category;
        });
    }

    // ---- products

    public Uni<Product> create(ProductDraft draft) {
        Set<String> skus = new HashSet<>();
        for (ProductDraft.VariantDraft variant : draft.variants()) {
            if (!skus.add(variant.sku())) {
                throw ProblemException.invalidField("variants", "SKU " + variant.sku() + " appears twice");
            }
        }
        return knownCategory(draft.categoryId()).chain(() -> {
            Instant now = clock.instant();
            Product product = new Product();
            product.id = UUID.randomUUID().toString();
            describe(product, draft);
            product.variants = draft.variants().stream()
                    .map(v -> new Variant(v.sku(), v.options() == null ? java.util.Map.of() : v.options(), v.price(), v.currency(), v.weightGrams()))
                    .toList();
            product.createdAt = now;
            product.updatedAt = now;
            product.version = 1;
            product.outbox = new ArrayList<>(List.of(changed(EventTypes.PRODUCT_CREATED, product)));
            List<StockItem> items = draft.variants().stream().map(v -> {
                StockItem item = new StockItem();
                item.sku = v.sku();
                item.productId = product.id;
                item.available = v.stock();
                item.lowStockThreshold = v.lowStockThreshold();
                return item;
            }).toList();
            // the stock collection, keyed by SKU, decides which SKUs are free; the product follows
            return insertStock(items, new ArrayList<>())
                    .chain(() -> products.persist(product))
                    .call(() -> indexer.reindex(product.id))
                    .invoke(() -> relay.nudge("products", List.of(product.id)));
        });
    }

    private Uni<Void> insertStock(List<StockItem> items, List<StockItem> inserted) {
        if (inserted.size() == items.size()) {
            return Uni.createFrom().voidItem();
        }
        StockItem next = items.get(inserted.size());
        return stock.persist(next)
                .onFailure(Inventory::isDuplicateKey).call(() -> Multi.createFrom().iterable(inserted)
                        .onItem().transformToUniAndConcatenate(item -> stock.deleteById(item.sku)).collect().last())
                .onFailure(Inventory::isDuplicateKey).transform(e -> ProblemException.conflict("SKU " + next.sku + " exists already"))
                .chain(() -> {
                    inserted.add(next);
                    return insertStock(items, inserted);
                });
    }

    /** Replaces the descriptive fields (not variants, prices or stock) if {@code version} is current. */
    public Uni<Product> update(String id, long version, ProductDraft draft) {
        return knownCategory(draft.categoryId()).chain(() -> products.findById(id)).chain(current -> {
            Product next = existing(current, id);
            describe(next, draft);
            next.version = version + 1;
            next.updatedAt = clock.instant();
            return conditionalUpdate(id, version, Updates.combine(
                    Updates.set("name", next.name), Updates.set("brand", next.brand), Updates.set("description", next.description),
                    Updates.set("images", next.images), Updates.set("categoryId", next.categoryId),
                    Updates.set("attributes", new Document(next.attributes))), changed(EventTypes.PRODUCT_UPDATED, next));
        });
    }

    public Uni<Product> changePrice(String id, long version, String sku, long price, String currency) {
        return products.findById(id).chain(current -> {
            Product next = existing(current, id);
            Variant variant = next.variant(sku).orElseThrow(() -> ProblemException.notFound("product " + id + " has no SKU " + sku));
            variant.price = price;
            variant.currency = currency;
            next.version = version + 1;
            int index = next.variants.indexOf(variant);
            return conditionalUpdate(id, version, Updates.combine(Updates.set("variants." + index + ".price", price),
                    Updates.set("variants." + index + ".currency", currency)), changed(EventTypes.PRODUCT_PRICE_CHANGED, next));
        });
    }

    public Uni<Product> archive(String id, long version) {
        return products.findById(id).chain(current -> {
            Product next = existing(current, id);
            next.archived = true;
            next.version = version + 1;
            return conditionalUpdate(id, version, Updates.set("archived", true), changed(EventTypes.PRODUCT_ARCHIVED, next));
        });
    }

    /** Keeps the newest rating the review service reported; older or repeated reports change nothing. */
    public Uni<Boolean> rate(String productId, long count, double average, long ratingVersion) {
        return products.mongoCollection().updateOne(
                and(eq("_id", productId), new Document("rating.version", new Document("$lt", ratingVersion))),
                Updates.set("rating", new Document("count", count).append("average", average).append("version", ratingVersion)))
                .chain(result -> result.getModifiedCount() == 0 ? Uni.createFrom().item(false)
                        : forget(productId).chain(() -> indexer.reindex(productId)).replaceWith(true));
    }

    /**
     * A product page's data, cached: product pages are the hottest reads. Every change of this
     * service drops the entry at once, and every replica drops it on the change's event.
     */
    public Uni<Product> find(String id, boolean includeArchived) {
        return cache.getAsync(id, key -> products.findById(key).map(product -> {
            if (product == null) {
                throw ProblemException.notFound("no product " + id);
            }
            return product;
        })).map(product -> {
            if (product.archived && !includeArchived) {
                throw ProblemException.notFound("no product " + id);
            }
            return product;
        });
    }

    /** Forgets the cached copy of a product that changed (here or in another replica). */
    public Uni<Void> forget(String id) {
        return cache.invalidate(id);
    }

    public Uni<List<Product>> findAll(List<String> ids) {
        return products.list(new Document("_id", new Document("$in", ids))).map(found -> {
            LinkedHashMap<String, Product> byId = new LinkedHashMap<>();
            ids.forEach(id -> found.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(p -> byId.put(id, p)));
            return new ArrayList<>(byId.values());
        });
    }

    private Uni<Product> conditionalUpdate(String id, long version, Bson changes, PendingEvent event) {
        Bson update = Updates.combine(changes, Updates.set("version", version + 1), Updates.set("updatedAt", clock.instant()),
                Updates.push("outbox", event));
        return products.mongoCollection()
                .findOneAndUpdate(and(eq("_id", id), eq("version", version)), update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .chain(updated -> {
                    if (updated == null) {
                        return products.findById(id).map(now -> {
                            throw now == null ? ProblemException.notFound("no product " + id)
                                    : ProblemException.conflict("product " + id + " is at version " + now.version
                                            + ", not " + version + "; read it again and retry");
                        });
                    }
                    return forget(id).chain(() -> indexer.reindex(id)).replaceWith(updated);
                })
                .invoke(() -> relay.nudge("products", List.of(id)));
    }

    private PendingEvent changed(String type, Product product) {
        return events.event(Topics.PRODUCT_EVENTS, type, product.id, new ProductChanged(product.id, product.name, product.brand,
                product.categoryId, product.archived,
                product.variants.stream().map(v -> new ProductChanged.VariantPrice(v.sku, v.price, v.currency)).toList(),
                product.version));
    }

    private static void describe(Product product, ProductDraft draft) {
        product.name = draft.name().strip();
        product.brand = draft.brand() == null ? null : draft.brand().strip();
        product.description = draft.description();
        product.images = draft.images() == null ? new ArrayList<>() : new ArrayList<>(draft.images());
        product.categoryId = draft.categoryId();
        product.attributes = draft.attributes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(draft.attributes());
        if (product.rating == null) {
            product.rating = new Rating();
        }
    }

    private static Product existing(Product product, String id) {
        if (product == null) {
            throw ProblemException.notFound("no product " + id);
        }
        return product;
    }

    private Uni<Void> knownCategory(String categoryId) {
        return categories.findById(categoryId).map(category -> {
            if (category == null) {
                throw ProblemException.invalidField("categoryId", "no such category");
            }
            return null;
        });
    }
}

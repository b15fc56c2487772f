package io.mall.product.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ProductChanged;
import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.product.domain.Category;
import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Product;
import io.mall.product.domain.Rating;
import io.mall.product.domain.StockItem;
import io.mall.product.domain.Variant;
import io.mall.product.store.CategoryRepository;
import io.mall.product.store.Events;
import io.mall.product.store.Outboxes;
import io.mall.product.store.ProductRepository;
import io.mall.product.store.SearchIndexer;
import io.mall.product.store.StockRepository;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The category tree and the products in it. Every product change is one conditional update that
 * carries the expected version and the event reporting it; a stale version is a conflict. After a
 * change, this replica's cache entry is dropped and its search index updated at once; the other
 * replicas follow on the change's event.
 */
@ApplicationScoped
public class Catalog {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final StockRepository stock;
    private final Events events;
    private final SearchIndexer indexer;
    private final Outboxes outboxes;
    private final Cache cache;
    private final Clock clock;

    Catalog(ProductRepository products, CategoryRepository categories, StockRepository stock, Events events,
            SearchIndexer indexer, Outboxes outboxes, @CacheName("products") Cache cache, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.events = events;
        this.indexer = indexer;
        this.outboxes = outboxes;
        this.cache = cache;
        this.clock = clock;
    }

    /** Indexes the queries rely on; runs before the search index is built. */
    void createIndexes(@Observes @Priority(1) StartupEvent start) {
        categories.mongoCollection().createIndex(Indexes.ascending("path"), new IndexOptions().unique(true)).await().indefinitely();
        categories.mongoCollection().createIndex(Indexes.ascending("parentId")).await().indefinitely();
        products.mongoCollection().createIndex(Indexes.ascending("categoryId")).await().indefinitely();
        stock.mongoCollection().createIndex(Indexes.ascending("productId")).await().indefinitely();
    }

    // ---- categories

    public Uni<Category> createCategory(String name, String parentId) {
        return parent(parentId).chain(parent -> {
            Category category = Category.create(UUID.randomUUID().toString(), name, parent);
            return categories.insert(category).map(inserted -> {
                if (!inserted) {
                    throw new Conflict("a category " + category.path + " exists already");
                }
                return category;
            });
        });
    }

    public Uni<List<Category>> allCategories() {
        return categories.all();
    }

    /** Renames and/or moves a category; paths and ancestries below it follow. */
    public Uni<Category> changeCategory(String id, String newName, String newParentId, boolean moveToRoot) {
        return existingCategory(id).chain(category -> {
            Uni<Category> parentUni = moveToRoot ? Uni.createFrom().nullItem()
                    : newParentId != null ? parent(newParentId) : parent(category.parentId);
            return parentUni.chain(parent -> {
                String oldPath = category.path;
                List<String> oldAncestry = category.ancestry();
                if (newName != null) {
                    category.rename(newName);
                }
                category.placeUnder(parent);
                category.version++;
                return categories.write(category).chain(written -> {
                    if (!written) {
                        throw new Conflict("a category " + category.path + " exists already");
                    }
                    return rewriteSubtree(category, oldPath, oldAncestry);
                }).replaceWith(category);
            });
        });
    }

    public Uni<Void> deleteCategory(String id) {
        return existingCategory(id).chain(category -> categories.childrenOf(id)
                .chain(children -> products.count("categoryId", id).invoke(count -> category.checkDeletable(children, count)))
                .chain(() -> categories.deleteById(id)).replaceWithVoid());
    }

    private Uni<Void> rewriteSubtree(Category moved, String oldPath, List<String> oldAncestry) {
        return categories.descendantsOf(moved.id).chain(descendants -> Multi.createFrom().iterable(descendants)
                .onItem().transformToUniAndConcatenate(child -> {
                    child.follow(moved, oldPath, oldAncestry);
                    return categories.update(child);
                }).collect().asList())
                .chain(() -> reindexCategory(moved.id));
    }

    private Uni<Void> reindexCategory(String categoryId) {
        return categories.descendantsOf(categoryId).chain(below -> {
            List<String> ids = new ArrayList<>(below.stream().map(c -> c.id).toList());
            ids.add(categoryId);
            return products.inCategories(ids);
        }).chain(affected -> Multi.createFrom().iterable(affected)
                .onItem().transformToUniAndConcatenate(p -> indexer.reindex(p.id)).collect().last()).replaceWithVoid();
    }

    private Uni<Category> parent(String parentId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return categories.findById(parentId).map(parent -> {
            if (parent == null) {
                throw new BrokenRule("parentId", "no such category");
            }
            return parent;
        });
    }

    private Uni<Category> existingCategory(String id) {
        return categories.findById(id).map(category -> {
            if (category == null) {
                throw new NotFound("no category " + id);
            }
            return category;
        });
    }

    // ---- products

    public Uni<Product> create(ProductDraft draft) {
        Product.checkDistinctSkus(draft.variants().stream().map(ProductDraft.VariantDraft::sku).toList());
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
            return stock.insertAll(items).chain(takenSku -> {
                if (takenSku != null) {
                    throw new Conflict("SKU " + takenSku + " exists already");
                }
                return products.persist(product);
            }).call(() -> indexer.reindex(product.id))
                    .invoke(() -> outboxes.written("products", List.of(product.id)));
        });
    }

    /** Replaces the descriptive fields (not variants, prices or stock) if {@code version} is current. */
    public Uni<Product> update(String id, long version, ProductDraft draft) {
        return knownCategory(draft.categoryId()).chain(() -> products.findById(id)).chain(current -> {
            Product next = existing(current, id);
            describe(next, draft);
            next.version = version + 1;
            return changed(id, version, products.describeIfAt(next, version, changed(EventTypes.PRODUCT_UPDATED, next), clock.instant()));
        });
    }

    public Uni<Product> changePrice(String id, long version, String sku, long price, String currency) {
        return products.findById(id).chain(current -> {
            Product next = existing(current, id);
            Variant variant = next.existingVariant(sku);
            variant.price = price;
            variant.currency = currency;
            next.version = version + 1;
            int index = next.variants.indexOf(variant);
            return changed(id, version, products.repriceIfAt(id, version, index, price, currency,
                    changed(EventTypes.PRODUCT_PRICE_CHANGED, next), clock.instant()));
        });
    }

    public Uni<Product> archive(String id, long version) {
        return products.findById(id).chain(current -> {
            Product next = existing(current, id);
            next.archived = true;
            next.version = version + 1;
            return changed(id, version, products.archiveIfAt(id, version, changed(EventTypes.PRODUCT_ARCHIVED, next), clock.instant()));
        });
    }

    /** Keeps the newest rating the review service reported; older or repeated reports change nothing. */
    public Uni<Boolean> rate(String productId, long count, double average, long ratingVersion) {
        return products.rateIfNewer(productId, count, average, ratingVersion)
                .call(kept -> kept ? refresh(productId) : Uni.createFrom().voidItem());
    }

    /**
     * A product page's data, cached: product pages are the hottest reads. Every change of this
     * service drops the entry at once, and every replica drops it on the change's event.
     */
    public Uni<Product> find(String id, boolean includeArchived) {
        return cache.getAsync(id, key -> products.findById(key).map(product -> existing(product, id)))
                .map(product -> product.visible(includeArchived));
    }

    /** A product changed here or in another replica: drop its cached copy and index it again. */
    public Uni<Void> refresh(String id) {
        return cache.invalidate(id).chain(() -> indexer.reindex(id));
    }

    public Uni<List<Product>> findAll(List<String> ids) {
        return products.findAll(ids);
    }

    /** After a conditional update: the product as written, or why it was not. */
    private Uni<Product> changed(String id, long version, Uni<Product> update) {
        return update.chain(updated -> updated == null
                ? products.findById(id).map(now -> {
                    throw Product.notAt(id, version, now);
                })
                : refresh(id).replaceWith(updated))
                .invoke(() -> outboxes.written("products", List.of(id)));
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
            throw new NotFound("no product " + id);
        }
        return product;
    }

    private Uni<Void> knownCategory(String categoryId) {
        return categories.findById(categoryId).map(category -> {
            if (category == null) {
                throw new BrokenRule("categoryId", "no such category");
            }
            return null;
        });
    }
}

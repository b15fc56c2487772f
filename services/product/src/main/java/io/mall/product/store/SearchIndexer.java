package io.mall.product.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.jboss.logging.Logger;

import io.mall.product.domain.Category;
import io.mall.product.domain.Product;
import io.mall.product.domain.StockItem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Keeps {@link SearchIndex} in step with MongoDB: the whole catalog at start, one product after each change. */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final StockRepository stock;
    private final Vertx vertx;

    SearchIndexer(SearchIndex index, ProductRepository products, CategoryRepository categories, StockRepository stock, Vertx vertx) {
        this.index = index;
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        long begin = System.nanoTime();
        long count = VertxContextSupport.subscribeAndAwait(this::rebuild);
        LOG.infof("search index built: %d products in %d ms", count, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Reads the whole active catalog into a fresh index: stock first (which products have any), then products. */
    public Uni<Long> rebuild() {
        index.clear();
        java.util.Set<String> inStock = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return stock.find("available > ?1", 0).stream()
                .invoke(item -> inStock.add(item.productId))
                .collect().last()
                .chain(() -> categories.listAll())
                .chain(all -> products.find("archived", false).stream()
                        .group().intoLists().of(500)
                        // analysis is the cost and the writer is thread-safe: two batches at once
                        .onItem().transformToUni(batch -> vertx.executeBlocking(() -> {
                            batch.forEach(product -> index.write(product, pathOf(product.categoryId, all), inStock.contains(product.id)));
                            return (long) batch.size();
                        }, false)).merge(2)
                        .collect().with(java.util.stream.Collectors.summingLong(Long::longValue)))
                .call(() -> vertx.executeBlocking(() -> {
                    index.refresh();
                    return null;
                }, false));
    }

    public Uni<Void> reindex(String productId) {
        return products.findById(productId).chain(product -> {
            if (product == null) {
                return Uni.createFrom().voidItem();
            }
            // a category carries its own ancestry: one read, not the whole tree, per change
            return categories.findById(product.categoryId).chain(category -> stockOf(product).chain(inStock -> vertx.executeBlocking(() -> {
                index.put(product, category == null ? List.of() : pathOf(category), inStock);
                return null;
            }, false))).replaceWithVoid();
        });
    }

    private Uni<Boolean> stockOf(Product product) {
        List<String> skus = product.variants.stream().map(v -> v.sku).toList();
        return stock.list(new Document("_id", new Document("$in", skus)))
                .map(items -> items.stream().mapToInt((StockItem item) -> item.available).sum() > 0);
    }

    /** The category and its ancestors: a filter on any of them finds the product. */
    static List<String> pathOf(String categoryId, List<Category> all) {
        return all.stream().filter(c -> c.id.equals(categoryId)).findFirst().map(SearchIndexer::pathOf).orElse(List.of());
    }

    private static List<String> pathOf(Category category) {
        List<String> path = new ArrayList<>(category.ancestorIds);
        path.add(category.id);
        return path;
    }
}

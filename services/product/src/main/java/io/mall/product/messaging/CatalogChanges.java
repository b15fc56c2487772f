package io.mall.product.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.product.store.Catalog;
import io.mall.product.store.SearchIndexer;
import io.smallrye.mutiny.Uni;

/**
 * Every replica reads the catalog changes on {@code product.events} (each in a consumer group of
 * its own), so a change made by one replica reaches the cache and search index of all of them.
 */
@ApplicationScoped
public class CatalogChanges {

    private static final Logger LOG = Logger.getLogger(CatalogChanges.class);

    private final Catalog catalog;
    private final SearchIndexer indexer;
    private final ObjectMapper json;

    CatalogChanges(Catalog catalog, SearchIndexer indexer, ObjectMapper json) {
        this.catalog = catalog;
        this.indexer = indexer;
        this.json = json;
    }

    @Incoming("catalog-changes")
    public Uni<Void> handle(String message) {
        try {
            JsonNode envelope = json.readTree(message);
            String type = envelope.path("type").asText();
            // product.created / updated / price-changed / archived; stock events are not catalog changes
            if (!type.startsWith("product.") || type.startsWith("product.stock-")) {
                return Uni.createFrom().voidItem();
            }
            String productId = envelope.path("subject").asText();
            return catalog.forget(productId).chain(() -> indexer.reindex(productId));
        } catch (Exception e) {
            LOG.errorf("product.events: skipped a malformed message: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }
}

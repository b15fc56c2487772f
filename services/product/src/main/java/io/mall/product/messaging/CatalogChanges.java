package io.mall.product.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mall.product.store.Catalog;
import io.mall.product.store.Events;
import io.mall.product.store.SearchIndexer;
import io.smallrye.mutiny.Uni;

/**
 * Every replica reads the catalog changes on {@code product.events} (each in a consumer group of
 * its own), so a change made by one replica reaches the cache and search index of all of them.
 * The replica that made a change applied it already; it skips the change when it comes back.
 */
@ApplicationScoped
public class CatalogChanges {

    private static final Logger LOG = Logger.getLogger(CatalogChanges.class);

    private final Catalog catalog;
    private final SearchIndexer indexer;
    private final ObjectMapper json;
    private final String replica;
    private final Counter applied;
    private final Counter own;

    CatalogChanges(Catalog catalog, SearchIndexer indexer, ObjectMapper json, @ConfigProperty(name = "quarkus.uuid") String replica,
            MeterRegistry registry) {
        this.catalog = catalog;
        this.indexer = indexer;
        this.json = json;
        this.replica = replica;
        this.applied = registry.counter("mall.product.catalog.changes", "outcome", "applied");
        this.own = registry.counter("mall.product.catalog.changes", "outcome", "own");
    }

    @Incoming("catalog-changes")
    public Uni<Void> handle(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = json.readTree(record.value());
            String type = envelope.path("type").asText();
            // product.created / updated / price-changed / archived; stock events are not catalog changes
            if (!type.startsWith("product.") || type.startsWith("product.stock-")) {
                return Uni.createFrom().voidItem();
            }
            if (madeHere(record)) {
                own.increment();
                return Uni.createFrom().voidItem();
            }
            String productId = envelope.path("subject").asText();
            return catalog.forget(productId).chain(() -> indexer.reindex(productId)).invoke(() -> applied.increment());
        } catch (Exception e) {
            LOG.errorf("product.events: skipped a malformed message: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }

    private boolean madeHere(ConsumerRecord<String, String> record) {
        Header origin = record.headers().lastHeader(Events.ORIGIN_HEADER);
        return origin != null && replica.equals(new String(origin.value(), StandardCharsets.UTF_8));
    }
}

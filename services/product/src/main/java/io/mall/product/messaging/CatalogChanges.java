package io.mall.product.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mall.contracts.product.ProductChanged;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.product.app.Catalog;
import io.mall.product.store.Events;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Every replica reads the catalog changes on {@code product.events} (each in a consumer group of
 * its own), so a change made by one replica reaches the cache and search index of all of them.
 * The replica that made a change applied it already; it skips the change when it comes back.
 */
@ApplicationScoped
public class CatalogChanges {

    private static final String CONSUMER = "catalog-changes";

    private final Catalog catalog;
    private final Inbox inbox;
    private final String replica;
    private final Counter applied;
    private final Counter own;

    CatalogChanges(Catalog catalog, Inbox inbox, @ConfigProperty(name = "quarkus.uuid") String replica,
            MeterRegistry registry) {
        this.catalog = catalog;
        this.inbox = inbox;
        this.replica = replica;
        this.applied = registry.counter("mall.product.catalog.changes", "outcome", "applied");
        this.own = registry.counter("mall.product.catalog.changes", "outcome", "own");
    }

    @Incoming("catalog-changes")
    public Uni<Void> handle(Message<String> message) {
        if (madeHere(message)) {
            own.increment();
            return Uni.createFrom().completionStage(message.ack());
        }
        // re-reading a product is harmless to repeat, so no store write per change to remember it
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        // product.created / updated / price-changed / archived; stock events are not catalog changes
        if (!event.type().startsWith("product.") || event.type().startsWith("product.stock-")) {
            return Uni.createFrom().voidItem();
        }
        String productId = event.data(ProductChanged.class).productId();
        return catalog.refresh(productId).invoke(() -> applied.increment());
    }

    private boolean madeHere(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(kafka -> {
            Header origin = kafka.getHeaders().lastHeader(Events.ORIGIN_HEADER);
            return origin != null && replica.equals(new String(origin.value(), StandardCharsets.UTF_8));
        }).orElse(false);
    }
}

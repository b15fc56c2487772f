package io.mall.product.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventTypes;
import io.mall.contracts.review.ReviewStatsChanged;
import io.mall.product.store.Catalog;
import io.smallrye.mutiny.Uni;

/** Keeps each product's rating summary from the review service's statistics events. */
@ApplicationScoped
public class ReviewStatistics {

    private static final Logger LOG = Logger.getLogger(ReviewStatistics.class);

    private final Catalog catalog;
    private final ObjectMapper json;

    ReviewStatistics(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @Incoming("review-events")
    public Uni<Void> handle(String message) {
        try {
            JsonNode envelope = json.readTree(message);
            if (!EventTypes.REVIEW_STATS_CHANGED.equals(envelope.path("type").asText())) {
                return Uni.createFrom().voidItem();
            }
            ReviewStatsChanged stats = json.convertValue(envelope.path("data"), ReviewStatsChanged.class);
            return catalog.rate(stats.productId(), stats.count(), stats.average(), stats.version()).replaceWithVoid();
        } catch (Exception e) {
            LOG.errorf("review.events: skipped a malformed message: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }
}

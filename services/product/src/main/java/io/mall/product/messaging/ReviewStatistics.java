package io.mall.product.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.review.ReviewStatsChanged;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.product.app.Catalog;
import io.smallrye.mutiny.Uni;

/** Keeps each product's rating summary from the review service's statistics events. */
@ApplicationScoped
public class ReviewStatistics {

    private static final String CONSUMER = "review-events";

    private final Catalog catalog;
    private final Inbox inbox;

    ReviewStatistics(Catalog catalog, Inbox inbox) {
        this.catalog = catalog;
        this.inbox = inbox;
    }

    @Incoming("review-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.process(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        // review.events carries other facts too; only the statistics concern the catalog
        if (!EventTypes.REVIEW_STATS_CHANGED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ReviewStatsChanged stats = event.data(ReviewStatsChanged.class);
        return catalog.rate(stats.productId(), stats.count(), stats.average(), stats.version()).replaceWithVoid();
    }
}

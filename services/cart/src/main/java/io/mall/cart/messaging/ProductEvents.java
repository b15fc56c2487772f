package io.mall.cart.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.cart.client.SkuCache;
import io.mall.contracts.EventTypes;
import io.mall.contracts.product.ProductChanged;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockLow;
import io.mall.contracts.product.StockReserved;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * Every replica reads {@code product.events} (each in a consumer group of its own, from the
 * newest: what happened before it started is nothing it keeps) and forgets the SKUs an event says
 * have changed, so its carts show new prices, archived products and taken stock on the next read.
 * Forgetting twice is harmless, so the inbox keeps no record of these events.
 */
@ApplicationScoped
public class ProductEvents {

    private static final String CONSUMER = "product-events";

    private final SkuCache cache;
    private final Inbox inbox;

    ProductEvents(SkuCache cache, Inbox inbox) {
        this.cache = cache;
        this.inbox = inbox;
    }

    @Incoming("product-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        switch (event.type()) {
            case EventTypes.PRODUCT_CREATED, EventTypes.PRODUCT_UPDATED, EventTypes.PRODUCT_PRICE_CHANGED,
                    EventTypes.PRODUCT_ARCHIVED -> {
                ProductChanged product = event.data(ProductChanged.class);
                // its variants now, and any it had that are no longer listed
                cache.drop(product.variants() == null ? List.of()
                        : product.variants().stream().map(ProductChanged.VariantPrice::sku).toList());
                cache.dropProduct(product.productId());
            }
            case EventTypes.STOCK_RESERVED -> {
                StockReserved reserved = event.data(StockReserved.class);
                cache.drop(reserved.lines() == null ? List.of() : reserved.lines().stream().map(StockLine::sku).toList());
            }
            case EventTypes.STOCK_LOW -> {
                StockLow low = event.data(StockLow.class);
                cache.drop(low.sku() == null ? List.of() : List.of(low.sku()));
            }
            default -> {
                // released, committed and rejected stock name no SKU: what comes back shows within the freshness
            }
        }
        return Uni.createFrom().voidItem();
    }
}

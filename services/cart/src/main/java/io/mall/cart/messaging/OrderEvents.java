package io.mall.cart.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.cart.store.CartStore;
import io.mall.contracts.EventTypes;
import io.mall.contracts.order.OrderConfirmed;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Clears a user's cart when an order placed from it is confirmed. Each event is handled once: its
 * id is remembered (for a week) with SET NX before the cart is touched.
 */
@ApplicationScoped
public class OrderEvents {

    private static final Logger LOG = Logger.getLogger(OrderEvents.class);
    private static final Duration REMEMBER = Duration.ofDays(7);

    private final CartStore carts;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final String prefix;

    OrderEvents(CartStore carts, ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "mall.redis.key-prefix") String prefix) {
        this.carts = carts;
        this.redis = redis;
        this.json = json;
        this.prefix = prefix;
    }

    @Incoming("order-events")
    public Uni<Void> handle(String message) {
        JsonNode envelope;
        OrderConfirmed confirmed;
        try {
            envelope = json.readTree(message);
            if (!EventTypes.ORDER_CONFIRMED.equals(envelope.path("type").asText())) {
                return Uni.createFrom().voidItem();
            }
            confirmed = json.convertValue(envelope.path("data"), OrderConfirmed.class);
        } catch (Exception e) {
            LOG.errorf("order.events: skipped a malformed message: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (!confirmed.fromCart() || confirmed.userId() == null) {
            return Uni.createFrom().voidItem();
        }
        String seen = prefix + "processed:order-events:" + envelope.path("id").asText();
        return redis.value(String.class).setGet(seen, "1", new SetArgs().nx().ex(REMEMBER))
                .chain(previous -> previous != null ? Uni.createFrom().voidItem()
                        : carts.clear(CartStore.Owner.user(confirmed.userId())));
    }
}

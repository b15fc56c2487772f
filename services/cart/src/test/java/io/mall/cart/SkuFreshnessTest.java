package io.mall.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ProductChanged;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockReserved;
import io.mall.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Cart reads keep the product service's answers as a deployment does: a read asks only about SKUs
 * it has not heard of lately, and what product.events announces shows on the next read, well
 * before the freshness would have let it.
 */
@QuarkusTest
@TestProfile(SkuFreshnessTest.KeptAnswers.class)
class SkuFreshnessTest {

    /** Far longer than any wait below: a change seen sooner came from its event. */
    public static class KeptAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.cart.sku-cache.freshness", "PT2M");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(20);

    private static volatile boolean listening;

    /**
     * A replica reads product.events from the newest on, once its consumer has its partitions: until
     * then an event is not its news. Tests start when one announced change has been seen.
     */
    @BeforeEach
    void theCartListensToProductEvents() {
        if (listening) {
            return;
        }
        String me = CartTest.shopper();
        String sku = CartTest.sku(1_000, 5);
        CartTest.add(me, null, sku, 1).then().statusCode(200);
        ProductStub.sell(sku, 1_100, 5);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            announcePrice(sku, 1_100);
            Thread.sleep(500);
            return CartTest.cart(me).then().extract().jsonPath().getInt("lines[0].price") == 1_100;
        });
        listening = true;
    }

    @Test
    void readsOfACartAskTheProductServiceOnlyAboutSkusNotHeardOfLately() {
        String me = CartTest.shopper();
        String sku = CartTest.sku(12_000, 10);
        CartTest.add(me, null, sku, 1).then().statusCode(200);
        int askedByTheAdd = ProductStub.asked(sku);

        for (int read = 0; read < 5; read++) {
            CartTest.cart(me).then().statusCode(200).body("lines[0].price", equalTo(12_000));
        }

        assertThat(ProductStub.asked(sku)).isEqualTo(askedByTheAdd);
    }

    @Test
    void anAnnouncedPriceChangeShowsOnTheNextReadsLongBeforeTheFreshnessEnds() throws Exception {
        String me = CartTest.shopper();
        String sku = CartTest.sku(30_000, 5);
        CartTest.add(me, null, sku, 1).then().statusCode(200);

        // the product service changes the price; until it says so, reads show what it said before
        ProductStub.sell(sku, 27_000, 5);
        CartTest.cart(me).then().body("lines[0].price", equalTo(30_000));

        announcePrice(sku, 27_000);

        awaitLine(me, "price", 27_000);
        CartTest.cart(me).then().body("lines[0].priceChanged", equalTo(true)).body("lines[0].addedAtPrice", equalTo(30_000));
    }

    @Test
    void stockTakenByAnotherOrderFlagsTheLineOutOfStockOnceItsReservationIsAnnounced() throws Exception {
        String me = CartTest.shopper();
        String sku = CartTest.sku(8_000, 2);
        CartTest.add(me, null, sku, 2).then().statusCode(200);
        CartTest.cart(me).then().body("lines[0].outOfStock", equalTo(false));

        ProductStub.sell(sku, 8_000, 1);
        UUID order = UUID.randomUUID();
        announce(EventTypes.STOCK_RESERVED, order.toString(),
                new StockReserved(order, List.of(new StockLine(sku, 1)), Instant.now().plusSeconds(900)));

        awaitLine(me, "outOfStock", true);
    }

    @Test
    void aMalformedProductEventIsDeadLetteredAndTheNextOneStillApplies() throws Exception {
        String me = CartTest.shopper();
        String sku = CartTest.sku(5_000, 5);
        CartTest.add(me, null, sku, 1).then().statusCode(200);
        ProductStub.sell(sku, 4_500, 5);

        TestKafka.send(Topics.PRODUCT_EVENTS, "product-of-" + sku, "{\"type\":\"product.price-changed\"");
        announcePrice(sku, 4_500);

        awaitLine(me, "price", 4_500);
        assertThat(TestKafka.deadLetters(Topics.PRODUCT_EVENTS, "product-of-" + sku, "product-events", 1, EVENT_ARRIVES)).hasSize(1);
    }

    @Test
    void anAddChecksTheStockItTakesWhateverReadsKept() {
        String me = CartTest.shopper();
        String sku = CartTest.sku(9_000, 3);
        CartTest.add(me, null, sku, 1).then().statusCode(200);
        CartTest.cart(me).then().statusCode(200);

        // no event: reads may still show three in stock, but an add asks
        ProductStub.sell(sku, 9_000, 1);
        CartTest.add(me, null, sku, 1).then().statusCode(422);
    }

    /** Announces the price of a product's only variant, as the product service does. */
    private static void announcePrice(String sku, long price) throws Exception {
        announce(EventTypes.PRODUCT_PRICE_CHANGED, "product-of-" + sku, new ProductChanged("product-of-" + sku,
                "Product " + sku, null, null, false, List.of(new ProductChanged.VariantPrice(sku, price, "KRW")), 2));
    }

    /** Waits until the first line of the shopper's cart shows {@code value} in {@code field}. */
    private static void awaitLine(String shopper, String field, Object value) {
        org.awaitility.Awaitility.await().atMost(EVENT_ARRIVES).pollInterval(Duration.ofMillis(200))
                .until(() -> value.equals(CartTest.cart(shopper).then().extract().jsonPath().get("lines[0]." + field)));
    }

    private static void announce(String type, String subject, Object data) throws Exception {
        TestKafka.send(Topics.PRODUCT_EVENTS, subject, JSON.writeValueAsString(
                new EventEnvelope<>(UUID.randomUUID(), type, "product", Instant.now(), subject, null, data)));
    }
}

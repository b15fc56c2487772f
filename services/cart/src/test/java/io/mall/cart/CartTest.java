package io.mall.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.order.OrderConfirmed;
import io.mall.contracts.user.UserErased;
import io.mall.cart.domain.CartLine;
import io.mall.cart.store.WishlistStore;
import io.mall.testing.MallTestResource;
import io.mall.testing.UserServiceResource;
import io.mall.testing.TestKafka;
import io.mall.testing.TestRun;
import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "cart"),
        @ResourceArg(name = "servers", value = "redis,kafka") })
@QuarkusTestResource(ProductStub.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "cart"))
class CartTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;
    @Inject
    WishlistStore wishlist;
    @Inject
    io.quarkus.redis.datasource.ReactiveRedisDataSource redis;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mall.redis.key-prefix")
    String redisPrefix;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.group.id")
    String group;

    @AfterEach
    void productServiceBack() {
        ProductStub.delay(0);
        ProductStub.up();
        circuitBreakers.resetAll();
    }

    static String sku(long price, int available) {
        String sku = "SKU-" + TestRun.ID + "-" + SEQUENCE.incrementAndGet();
        ProductStub.sell(sku, price, available);
        return sku;
    }

    static String shopper() {
        return TestTokens.customer("shopper-" + UUID.randomUUID());
    }

    @Test
    void aGuestGetsATokenWithTheFirstAddAndOnlyThatTokenOpensTheCart() {
        String sku = sku(12_000, 10);

        Response added = add(null, null, sku, 2);
        String token = added.header("X-Cart-Token");

        assertThat(token).hasSize(43);
        added.then().statusCode(200).body("lines[0].sku", equalTo(sku)).body("lines[0].quantity", equalTo(2))
                .body("total", equalTo(24_000));
        given().header("X-Cart-Token", token).when().get("/api/v1/cart").then().statusCode(200).body("itemCount", equalTo(2));
        // a guessed token, or one that is not even shaped like ours, opens nothing
        String guessed = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        given().header("X-Cart-Token", guessed).when().get("/api/v1/cart").then().statusCode(404).contentType(PROBLEM);
        given().header("X-Cart-Token", "{\"$gt\": \"\"}").when().get("/api/v1/cart").then().statusCode(404);
        add(null, guessed, sku, 1).then().statusCode(404);
    }

    @Test
    void aSignedInShopperChangesRemovesAndClearsLines() {
        String me = shopper();
        String a = sku(1_000, 50);
        String b = sku(2_500, 50);
        add(me, null, a, 1).then().statusCode(200);
        add(me, null, b, 1).then().statusCode(200);

        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("quantity", 5))
                .when().put("/api/v1/cart/lines/" + a).then().statusCode(200)
                .body("lines.find { it.sku == '" + a + "' }.quantity", equalTo(5)).body("total", equalTo(7_500));
        given().auth().oauth2(me).when().delete("/api/v1/cart/lines/" + b).then().statusCode(200).body("lines.size()", equalTo(1));
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("quantity", 2))
                .when().put("/api/v1/cart/lines/" + b).then().statusCode(404);
        given().auth().oauth2(me).when().delete("/api/v1/cart").then().statusCode(204);
        given().auth().oauth2(me).when().get("/api/v1/cart").then().body("lines.size()", equalTo(0));
    }

    @Test
    void nobodySeesAnotherShoppersCart() {
        String me = shopper();
        String other = shopper();
        add(me, null, sku(1_000, 5), 1).then().statusCode(200);

        given().auth().oauth2(other).when().get("/api/v1/cart").then().statusCode(200).body("lines.size()", equalTo(0));
        given().when().get("/api/v1/cart").then().statusCode(200).body("lines.size()", equalTo(0));
        given().auth().oauth2(TestTokens.signedByStranger("x", "CUSTOMER")).when().get("/api/v1/cart").then().statusCode(401);
    }

    @Test
    void limitsAreRefusedNamingTheLimitAndChangeNothing() {
        String me = shopper();
        String sku = sku(1_000, 1_000);
        add(me, null, sku, 60).then().statusCode(200);

        add(me, null, sku, 60).then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("quantity")).body("violations[0].message", containsString("at most 99"));
        add(me, null, sku, 100).then().statusCode(422).body("violations[0].field", equalTo("quantity"));
        add(me, null, sku, 0).then().statusCode(422);
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"sku\": \"" + sku + "\", \"quantity\": \"many\"}")
                .when().post("/api/v1/cart/lines").then().statusCode(400).body("violations[0].field", equalTo("quantity"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("sku", "{\"$gt\": \"\"}", "quantity", 1))
                .when().post("/api/v1/cart/lines").then().statusCode(422).body("violations[0].field", equalTo("sku"));
        cart(me).then().body("lines[0].quantity", equalTo(60));

        for (int i = 1; i < 100; i++) {
            add(me, null, sku(10, 10), 1).then().statusCode(200);
        }
        add(me, null, sku(10, 10), 1).then().statusCode(422).body("violations[0].message", containsString("at most 100 lines"));
        cart(me).then().body("lines.size()", equalTo(100));
    }

    @Test
    void parallelAddsOfOneSkuLoseNoUpdate() throws Exception {
        String me = shopper();
        String sku = sku(1_000, 1_000);
        int adds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < adds; i++) {
                calls.add(() -> add(me, null, sku, 1).statusCode());
            }
            for (var status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        cart(me).then().body("lines[0].quantity", equalTo(adds));
    }

    @Test
    void linesAreCheckedAgainstTheCatalog() {
        String me = shopper();
        String archived = sku(1_000, 5);
        ProductStub.archive(archived);
        add(me, null, "NO-SUCH-SKU-" + TestRun.ID, 1).then().statusCode(422).body("violations[0].field", equalTo("sku"));
        add(me, null, archived, 1).then().statusCode(422).body("violations[0].field", equalTo("sku"));
        add(me, null, sku(1_000, 3), 4).then().statusCode(422).body("violations[0].message", equalTo("only 3 in stock"));
        cart(me).then().body("lines.size()", equalTo(0));
    }

    @Test
    void readingShowsTodaysPriceAndFlagsChanges() {
        String me = shopper();
        String sku = sku(30_000, 5);
        add(me, null, sku, 2).then().statusCode(200);

        ProductStub.sell(sku, 27_000, 1);

        cart(me).then().statusCode(200)
                .body("lines[0].price", equalTo(27_000)).body("lines[0].addedAtPrice", equalTo(30_000))
                .body("lines[0].priceChanged", equalTo(true)).body("lines[0].outOfStock", equalTo(true))
                .body("total", equalTo(54_000)).body("stale", equalTo(false));
    }

    @Test
    void withTheProductServiceDownTheCartStillReadsButAddsFailFast() {
        String me = shopper();
        String sku = sku(5_000, 5);
        add(me, null, sku, 1).then().statusCode(200);

        ProductStub.down();

        cart(me).then().statusCode(200).body("stale", equalTo(true)).body("lines[0].price", equalTo(5_000));
        Instant started = Instant.now();
        add(me, null, sku, 1).then().statusCode(503).contentType(PROBLEM);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
        cart(me).then().body("lines[0].quantity", equalTo(1));
    }

    @Test
    void aSlowProductServiceTimesOut() {
        String me = shopper();
        String sku = sku(5_000, 5);
        ProductStub.delay(3_000);

        add(me, null, sku, 1).then().statusCode(503).contentType(PROBLEM);

        ProductStub.delay(0);
        circuitBreakers.resetAll();
        cart(me).then().body("lines.size()", equalTo(0));
    }

    @Test
    void signingInMergesTheGuestCartWithinTheLimitsAndRetiresItsToken() {
        String me = shopper();
        String both = sku(1_000, 500);
        String guestOnly = sku(2_000, 500);
        add(me, null, both, 5).then().statusCode(200);
        String token = add(null, null, both, 98).header("X-Cart-Token");
        add(null, token, guestOnly, 2).then().statusCode(200);

        given().auth().oauth2(me).header("X-Cart-Token", token).when().post("/api/v1/cart/merge")
                .then().statusCode(200)
                .body("cart.lines.find { it.sku == '" + both + "' }.quantity", equalTo(99))
                .body("cart.lines.find { it.sku == '" + guestOnly + "' }.quantity", equalTo(2))
                .body("linesLeftOut", equalTo(0));

        given().header("X-Cart-Token", token).when().get("/api/v1/cart").then().statusCode(404);
        given().auth().oauth2(me).header("X-Cart-Token", token).when().post("/api/v1/cart/merge").then().statusCode(404);
        given().header("X-Cart-Token", token).when().post("/api/v1/cart/merge").then().statusCode(401);
    }

    @Test
    void theWishlistKeepsItemsAndMovesThemToTheCartAndBack() {
        String me = shopper();
        String sku = sku(9_900, 5);
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("sku", sku))
                .when().post("/api/v1/wishlist").then().statusCode(201).body("sku", hasItem(sku));
        ProductStub.sell(sku, 8_900, 5);
        given().auth().oauth2(me).when().get("/api/v1/wishlist").then().statusCode(200)
                .body("[0].price", equalTo(8_900)).body("[0].savedAtPrice", equalTo(9_900));
        given().auth().oauth2(shopper()).when().get("/api/v1/wishlist").then().body("size()", equalTo(0));

        given().auth().oauth2(me).when().post("/api/v1/wishlist/" + sku + "/move-to-cart").then().statusCode(200)
                .body("lines[0].sku", equalTo(sku));
        given().auth().oauth2(me).when().get("/api/v1/wishlist").then().body("size()", equalTo(0));

        given().auth().oauth2(me).when().post("/api/v1/cart/lines/" + sku + "/move-to-wishlist").then().statusCode(200)
                .body("lines.size()", equalTo(0));
        given().auth().oauth2(me).when().get("/api/v1/wishlist").then().body("[0].sku", equalTo(sku));
        given().when().get("/api/v1/wishlist").then().statusCode(401);
    }

    @Test
    void aSharedCartIsReadableByLinkCopyableAndRevocableByItsOwnerOnly() {
        String me = shopper();
        String friend = shopper();
        String sku = sku(15_000, 20);
        add(me, null, sku, 3).then().statusCode(200);

        String id = given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("validForHours", 24))
                .when().post("/api/v1/shared-carts").then().statusCode(201).extract().path("id");

        given().when().get("/api/v1/shared-carts/" + id).then().statusCode(200)
                .body("cart.lines[0].sku", equalTo(sku)).body("cart.lines[0].quantity", equalTo(3));
        given().auth().oauth2(friend).when().post("/api/v1/shared-carts/" + id + "/copy").then().statusCode(200)
                .body("lines[0].quantity", equalTo(3));
        given().auth().oauth2(friend).when().delete("/api/v1/shared-carts/" + id).then().statusCode(404);
        given().auth().oauth2(me).when().delete("/api/v1/shared-carts/" + id).then().statusCode(204);
        given().when().get("/api/v1/shared-carts/" + id).then().statusCode(404);
        given().when().get("/api/v1/shared-carts/" + id.substring(1) + "x").then().statusCode(404);
    }

    @Test
    void theProductServiceIsAskedWithTheCartsOwnServiceTokenRenewedBeforeItExpires() throws Exception {
        String me = shopper();
        String sku = sku(1_000, 5);
        ProductStub.TOKENS.clear();

        add(me, null, sku, 1).then().statusCode(200);
        assertThat(ProductStub.CALLERS).containsExactly("cart");
        assertThat(ProductStub.TOKENS).hasSize(1);
        // tokens of this test's user service live 8 s and are renewed 2 s before they expire
        Thread.sleep(7_000);
        add(me, null, sku, 1).then().statusCode(200);

        assertThat(ProductStub.TOKENS).hasSize(2);
    }

    @Test
    void aFullWishlistIsReadWithTodaysPricesAndLeavesTheProductServiceOpenForEveryone() {
        String userId = "wisher-" + UUID.randomUUID();
        for (int i = 0; i < WishlistStore.MAX_ITEMS; i++) {
            String sku = sku(1_000 + i, 5);
            wishlist.add(userId, new CartLine(sku, "product-of-" + sku, "Product " + sku, null, 1_000 + i, "KRW", java.time.Instant.now()))
                    .await().atMost(Duration.ofSeconds(10));
        }

        for (int read = 0; read < 5; read++) {
            List<Boolean> stale = given().auth().oauth2(TestTokens.customer(userId)).when().get("/api/v1/wishlist")
                    .then().statusCode(200).extract().jsonPath().getList("stale", Boolean.class);
            assertThat(stale).hasSize(WishlistStore.MAX_ITEMS).containsOnly(false);
        }
        add(shopper(), null, sku(2_000, 3), 1).then().statusCode(200).body("stale", equalTo(false));
    }

    @Test
    void anErasedAccountLeavesNoCartWishlistOrSharedCartBehind() throws Exception {
        String userId = UUID.randomUUID().toString();
        String me = TestTokens.customer(userId);
        String sku = sku(3_000, 10);
        add(me, null, sku, 2).then().statusCode(200);
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("sku", sku)).when().post("/api/v1/wishlist")
                .then().statusCode(201);
        String share = given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/shared-carts").then().statusCode(201).extract().path("id");

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        TestKafka.send(Topics.USER_EVENTS, userId, "not an envelope");
        // breaks the contract (no user id): dead-lettered, erases nobody
        TestKafka.send(Topics.USER_EVENTS, userId, json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.USER_ERASED, "user", Instant.now(), userId, null, Map.of())));
        TestKafka.send(Topics.USER_EVENTS, userId, json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.USER_ERASED, "user", Instant.now(), userId, null, new UserErased(UUID.fromString(userId)))));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> cart(me).then().extract().jsonPath().getList("lines").isEmpty());
        given().auth().oauth2(me).when().get("/api/v1/wishlist").then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
        given().when().get("/api/v1/shared-carts/" + share).then().statusCode(404);
        assertThat(TestKafka.deadLetters(Topics.USER_EVENTS, userId, "user-events", 2, Duration.ofSeconds(30))).hasSize(2);
    }

    @Test
    void aGuestCartMadeByOneAddLivesAnHourAndAWeekOnceUsedAgain() {
        String sku = sku(1_000, 10);
        String token = add(null, null, sku, 1).then().statusCode(200).extract().header("X-Cart-Token");
        String key = redisPrefix + "cart:guest:" + io.mall.cart.domain.GuestTokens.hash(token) + ":quantities";

        long firstLife = redis.key().ttl(key).await().atMost(Duration.ofSeconds(5));
        add(null, token, sku, 1).then().statusCode(200);
        long secondLife = redis.key().ttl(key).await().atMost(Duration.ofSeconds(5));

        assertThat(firstLife).isBetween(1L, 3_600L);
        assertThat(secondLife).isGreaterThan(6 * 24 * 3_600L);
    }

    @Test
    void oneAddressMakesAtMostSixtyGuestCartsAMinuteWhileItsCartsAndEveryoneElseGoOn() {
        String sku = sku(1_000, 100);
        String address = "10.30." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + ".9";
        String first = null;
        for (int i = 0; i < 60; i++) {
            String token = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("sku", sku, "quantity", 1)).when().post("/api/v1/cart/lines")
                    .then().statusCode(200).extract().header("X-Cart-Token");
            first = first == null ? token : first;
        }

        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1))
                .when().post("/api/v1/cart/lines")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", "60");
        // the carts it made go on, and so does everyone else
        given().header("X-Forwarded-For", address).header("X-Cart-Token", first).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "quantity", 1)).when().post("/api/v1/cart/lines").then().statusCode(200);
        given().header("X-Forwarded-For", address + "1").contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1))
                .when().post("/api/v1/cart/lines").then().statusCode(200);
        add(shopper(), null, sku, 1).then().statusCode(200);
    }

    @Test
    void aConfirmedOrderClearsTheCartItCameFromOnce() throws Exception {
        String userId = "orderer-" + UUID.randomUUID();
        String me = TestTokens.customer(userId);
        String sku = sku(4_000, 20);
        add(me, null, sku, 2).then().statusCode(200);
        given().auth().oauth2(TestTokens.service("order")).when().get("/internal/carts/" + userId)
                .then().statusCode(200).body("lines[0].quantity", equalTo(2));

        UUID order = UUID.randomUUID();
        String event = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_CONFIRMED, "order", Instant.now(),
                        order.toString(), null, new OrderConfirmed(order, userId, true, 8_000, "KRW")));
        TestKafka.send(Topics.ORDER_EVENTS, order.toString(), event);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> cart(me).then().extract().jsonPath().getList("lines").isEmpty());

        // the same event delivered again must not clear what the shopper added since
        add(me, null, sku, 1).then().statusCode(200);
        TestKafka.send(Topics.ORDER_EVENTS, order.toString(), event);
        Thread.sleep(3_000);
        cart(me).then().body("lines[0].quantity", equalTo(1));
    }

    @Test
    void badOrderEventsAreDeadLetteredAndTheNextConfirmationClearsTheCart() throws Exception {
        String userId = "orderer-" + UUID.randomUUID();
        String me = TestTokens.customer(userId);
        add(me, null, sku(4_000, 20), 2).then().statusCode(200);
        UUID order = UUID.randomUUID();
        String key = order.toString();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        TestKafka.send(Topics.ORDER_EVENTS, key, "{\"type\":\"order.confirmed\"");
        TestKafka.send(Topics.ORDER_EVENTS, key, json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.ORDER_CONFIRMED, "order", Instant.now(), key, null,
                Map.of("userId", userId, "fromCart", true, "total", -5, "currency", "KRW"))));
        TestKafka.Written valid = TestKafka.send(Topics.ORDER_EVENTS, key, json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.ORDER_CONFIRMED, "order", Instant.now(), key, null, new OrderConfirmed(order, userId, true, 8_000, "KRW"))));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> cart(me).then().extract().jsonPath().getList("lines").isEmpty());
        var dead = TestKafka.records(Topics.ORDER_EVENTS + ".dlq", key, list -> list.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(record -> header(record, "dead-letter-reason")).satisfiesExactly(
                reason -> assertThat(reason).startsWith("the message is not JSON"),
                reason -> assertThat(reason).isEqualTo("the data of order.confirmed breaks the contract: "
                        + "orderId must not be null, total must be greater than or equal to 0"));
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "dead-letter-consumer")).isEqualTo("order-events"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // a restart on the same group starts after all three
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.committedOffset(group, Topics.ORDER_EVENTS, valid.partition()) > valid.offset());
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Response add(String bearer, String token, String sku, int quantity) {
        var request = given().contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", quantity));
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        if (token != null) {
            request = request.header("X-Cart-Token", token);
        }
        return request.when().post("/api/v1/cart/lines");
    }

    static Response cart(String bearer) {
        return given().auth().oauth2(bearer).when().get("/api/v1/cart");
    }

}

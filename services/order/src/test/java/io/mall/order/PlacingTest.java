package io.mall.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.testing.TestTokens;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Placing an order: today's prices, the quoted fee, one order per key, and bad input that creates nothing. */
@QuarkusTest
@QuarkusTestResource(Partners.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "order"))
class PlacingTest {

    @Inject
    Pool database;

    @Test
    void anOrderIsPlacedAtTheProductServicesPricesWithTheQuotedFeeAndAsksForItsStock() {
        Shop shop = Shop.newShopper();
        String a = sku();
        String b = sku();
        Partners.sellsTogether(List.of(new Partners.Sku(a, 12_000, false), new Partners.Sku(b, 4_500, false)));

        var placed = shop.place(UUID.randomUUID().toString(), shop.order(Map.of(a, 2, b, 1))).then().statusCode(202)
                .header("Location", containsString("/api/v1/orders/")).body("status", equalTo("RECEIVED")).extract();
        UUID orderId = UUID.fromString(placed.path("orderId"));

        JsonPath order = given().auth().oauth2(shop.token()).when().get("/api/v1/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(order.getLong("subtotal")).isEqualTo(28_500);
        assertThat(order.getLong("shippingFee")).isEqualTo(3_000);
        assertThat(order.getLong("total")).isEqualTo(31_500);
        assertThat(order.getString("currency")).isEqualTo("KRW");
        assertThat(order.getString("promisedBy")).isEqualTo("2026-11-30");
        JsonPath reserve = SagaPartners.first(Topics.PRODUCT_COMMANDS, orderId, EventTypes.RESERVE_STOCK);
        assertThat(reserve.getList("data.lines.sku")).containsExactlyInAnyOrder(a, b);
        assertThat(SagaPartners.first(Topics.ORDER_EVENTS, orderId, EventTypes.ORDER_PLACED).getLong("data.total")).isEqualTo(31_500);
        assertThat(shop.timeline(orderId)).containsExactly("Placed");
    }

    @Test
    void anOrderFromTheCartTakesItsQuantitiesButNeverItsPrices() {
        Shop shop = Shop.newShopper();
        String a = sku();
        Partners.sells(new Partners.Sku(a, 9_900, false));
        Partners.cart(shop.shopper(), Map.of(a, 3));

        UUID orderId = shop.placed(shop.fromCart());

        JsonPath order = given().auth().oauth2(shop.token()).when().get("/api/v1/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(order.getInt("lines[0].quantity")).isEqualTo(3);
        assertThat(order.getLong("lines[0].unitPrice")).isEqualTo(9_900);
        assertThat(order.getLong("shippingFee")).isEqualTo(6_000);
    }

    @Test
    void theSameKeyGivesTheSameOrderAndTwoPlacementsWithOneKeyAtOnceMakeOne() throws Exception {
        Shop shop = Shop.newShopper();
        String a = sku();
        Partners.sells(new Partners.Sku(a, 5_000, false));
        Map<String, Object> body = shop.order(Map.of(a, 1));
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit((Callable<io.restassured.response.Response>) () -> shop.place(key, body)));
        }
        List<String> orderIds = new ArrayList<>();
        for (var answer : answers) {
            var response = answer.get();
            // a twin still running is told to retry (409); every finished one names the same order
            assertThat(response.statusCode()).isIn(202, 409);
            if (response.statusCode() == 202) {
                orderIds.add(response.path("orderId"));
            }
        }
        pool.shutdown();
        String again = shop.place(key, body).then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("orderId");
        orderIds.add(again);
        assertThat(orderIds).containsOnly(again);
        assertThat(ordersOf(shop.shopper())).isEqualTo(1);
        shop.place(key, shop.order(Map.of(a, 2))).then().statusCode(422).body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndCreatesNothing() {
        Shop shop = Shop.newShopper();
        String known = sku();
        String archived = sku();
        Partners.sells(new Partners.Sku(known, 5_000, false), new Partners.Sku(archived, 5_000, true));
        Partners.cart(shop.shopper(), Map.of());

        shop.place(null, shop.order(Map.of(known, 1))).then().statusCode(400).contentType("application/problem+json");
        shop.place(key(), shop.order(Map.of())).then().statusCode(422).body("violations[0].field", equalTo("lines"));
        shop.place(key(), shop.fromCart()).then().statusCode(422).body("violations[0].field", equalTo("fromCart"));
        shop.place(key(), shop.order(Map.of("NO-SUCH-SKU", 1))).then().statusCode(422).body("violations[0].field", equalTo("lines[0].sku"));
        shop.place(key(), shop.order(Map.of(archived, 1))).then().statusCode(422).body("violations[0].field", equalTo("lines[0].sku"));
        shop.place(key(), shop.order(Map.of(known, 0))).then().statusCode(422).body("violations[0].field", equalTo("lines[0].quantity"));
        Map<String, Object> elsewhere = shop.order(Map.of(known, 1));
        elsewhere.put("addressId", Shop.newShopper().addressId().toString());
        shop.place(key(), elsewhere).then().statusCode(422).body("violations[0].field", equalTo("addressId"));
        Map<String, Object> sameDay = shop.order(Map.of(known, 1));
        sameDay.put("shippingOption", "SAME_DAY");
        shop.place(key(), sameDay).then().statusCode(422).body("violations[0].field", equalTo("shippingOption"));
        Map<String, Object> noCard = shop.order(Map.of(known, 1));
        noCard.put("payment", Map.of("method", "CARD"));
        shop.place(key(), noCard).then().statusCode(422).body("violations[0].field", equalTo("payment.cardToken"));

        assertThat(ordersOf(shop.shopper())).isZero();
    }

    @Test
    void anotherShoppersOrderIsNotFoundAndStaffSeeAll() {
        Shop shop = Shop.newShopper();
        String a = sku();
        Partners.sells(new Partners.Sku(a, 5_000, false));
        UUID orderId = shop.placed(shop.order(Map.of(a, 1)));
        String stranger = TestTokens.customer(UUID.randomUUID().toString());

        given().auth().oauth2(stranger).when().get("/api/v1/orders/" + orderId).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/api/v1/orders/" + orderId + "/events").then().statusCode(404);
        given().auth().oauth2(stranger).contentType("application/json").body(Map.of("reason", "mine now")).when()
                .post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/v1/orders").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/orders/" + orderId).then()
                .statusCode(200).body("userId", equalTo(shop.shopper().toString()));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).queryParam("userId", shop.shopper().toString())
                .when().get("/api/v1/orders").then().statusCode(200).body("items[0].orderId", equalTo(orderId.toString()));
        given().when().get("/api/v1/orders/" + orderId).then().statusCode(401);
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).contentType("application/json")
                .body(shop.order(Map.of(a, 1))).header("Idempotency-Key", key()).when().post("/api/v1/orders").then().statusCode(403);
    }

    @Test
    void aShoppersHistoryIsPagedNewestFirstAndFilteredByStatus() {
        Shop shop = Shop.newShopper();
        String a = sku();
        Partners.sells(new Partners.Sku(a, 1_000, false));
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(shop.placed(shop.order(Map.of(a, i + 1))));
        }

        JsonPath page = given().auth().oauth2(shop.token()).queryParam("size", 2).when().get("/api/v1/orders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getList("items.orderId")).containsExactly(placed.get(2).toString(), placed.get(1).toString());
        given().auth().oauth2(shop.token()).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/orders").then()
                .body("items[0].orderId", equalTo(placed.get(0).toString()));
        given().auth().oauth2(shop.token()).queryParam("status", "DELIVERED").when().get("/api/v1/orders").then().body("total", equalTo(0));
        given().auth().oauth2(shop.token()).queryParam("status", "RECEIVED").when().get("/api/v1/orders").then().body("total", equalTo(3));
        given().auth().oauth2(shop.token()).queryParam("status", "LOST").when().get("/api/v1/orders").then().statusCode(404);
    }

    private long ordersOf(UUID shopper) {
        return database.preparedQuery("SELECT count(*) FROM orders WHERE user_id = $1").execute(Tuple.of(shopper)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}

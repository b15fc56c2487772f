package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class InventoryTest {

    @Test
    void manyParallelReservationsForTheLastUnitsNeverOversell() throws Exception {
        String sku = Admin.stockedSku(Admin.category("Stock", null), 5);
        int shoppers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> orders = new ArrayList<>();
            for (int i = 0; i < shoppers; i++) {
                orders.add(() -> reserve(UUID.randomUUID(), Map.of(sku, 1)).getString("state"));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(orders)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn("RESERVED"::equals).hasSize(5);
            assertThat(outcomes).filteredOn("REJECTED"::equals).hasSize(shoppers - 5);
        } finally {
            pool.shutdownNow();
        }
        JsonPath stock = stock(sku);
        assertThat(stock.getInt("available")).isZero();
        assertThat(stock.getInt("reserved")).isEqualTo(5);
    }

    @Test
    void aReservationIsAllOrNothing() {
        String category = Admin.category("Stock", null);
        String plenty = Admin.stockedSku(category, 10);
        String scarce = Admin.stockedSku(category, 1);

        JsonPath outcome = reserve(UUID.randomUUID(), Map.of(plenty, 3, scarce, 2));

        assertThat(outcome.getString("state")).isEqualTo("REJECTED");
        assertThat(outcome.getList("unavailable", String.class)).containsExactly(scarce);
        assertThat(stock(plenty).getInt("available")).isEqualTo(10);
        assertThat(stock(plenty).getInt("reserved")).isZero();
        assertThat(stock(scarce).getInt("available")).isEqualTo(1);
    }

    @Test
    void reservingTwiceForOneOrderHoldsOnceAndAnswersTheSame() {
        String sku = Admin.stockedSku(Admin.category("Stock", null), 10);
        UUID order = UUID.randomUUID();

        JsonPath first = reserve(order, Map.of(sku, 4));
        JsonPath again = reserve(order, Map.of(sku, 4));

        assertThat(first.getString("state")).isEqualTo("RESERVED");
        assertThat(again.getString("state")).isEqualTo("RESERVED");
        assertThat(again.getString("expiresAt")).isEqualTo(first.getString("expiresAt"));
        assertThat(stock(sku).getInt("available")).isEqualTo(6);
        assertThat(stock(sku).getInt("reserved")).isEqualTo(4);
    }

    @Test
    void releaseGivesBackAndCommitTakesAwayEachOnce() {
        String sku = Admin.stockedSku(Admin.category("Stock", null), 10);
        UUID cancelled = UUID.randomUUID();
        UUID shipped = UUID.randomUUID();
        reserve(cancelled, Map.of(sku, 3));
        reserve(shipped, Map.of(sku, 2));

        for (int i = 0; i < 2; i++) {
            Admin.asService().when().post("/internal/reservations/" + cancelled + "/release").then().statusCode(200)
                    .body("state", equalTo("RELEASED"));
            Admin.asService().when().post("/internal/reservations/" + shipped + "/commit").then().statusCode(200)
                    .body("state", equalTo("COMMITTED"));
        }

        assertThat(stock(sku).getInt("available")).isEqualTo(8);
        assertThat(stock(sku).getInt("reserved")).isZero();
        Admin.asService().when().post("/internal/reservations/" + cancelled + "/commit").then().statusCode(409);
        // a reservation that arrives after its order was released holds nothing
        UUID late = UUID.randomUUID();
        Admin.asService().when().post("/internal/reservations/" + late + "/release").then().statusCode(200);
        assertThat(reserve(late, Map.of(sku, 1)).getString("state")).isEqualTo("RELEASED");
        assertThat(stock(sku).getInt("available")).isEqualTo(8);
    }

    @Test
    void adjustmentsAreAuditedAndCannotTakeStockBelowZero() {
        String sku = Admin.stockedSku(Admin.category("Stock", null), 3);

        given().auth().oauth2(Admin.TOKEN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("delta", 20, "reason", "delivery 1123"))
                .when().post("/api/v1/inventory/" + sku + "/adjustments")
                .then().statusCode(200).body("available", equalTo(23))
                .body("audit.reason", hasItem("delivery 1123"))
                // who did it, by account id: no email is kept that an erasure could not reach
                .body("audit.actor", hasItem("admin-1"));
        given().auth().oauth2(Admin.TOKEN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("delta", -24, "reason", "count"))
                .when().post("/api/v1/inventory/" + sku + "/adjustments")
                .then().statusCode(422).body("violations[0].field", equalTo("delta"));
        assertThat(stock(sku).getInt("available")).isEqualTo(23);
        given().auth().oauth2(io.mall.testing.TestTokens.customer("u-1")).contentType(ContentType.JSON)
                .body(Map.of("delta", 5, "reason", "x"))
                .when().post("/api/v1/inventory/" + sku + "/adjustments").then().statusCode(403);
        given().when().get("/api/v1/inventory/" + sku).then().statusCode(401);
    }

    @Test
    void badReservationsAreRefusedAndHoldNothing() {
        String sku = Admin.stockedSku(Admin.category("Stock", null), 3);
        Admin.asService().contentType(ContentType.JSON)
                .body(Map.of("orderId", UUID.randomUUID().toString(), "lines", List.of(Map.of("sku", sku, "quantity", 0))))
                .when().post("/internal/reservations").then().statusCode(422)
                .body("violations[0].field", equalTo("lines[0].quantity"));
        Admin.asService().contentType(ContentType.JSON)
                .body(Map.of("orderId", "not-a-uuid", "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .when().post("/internal/reservations").then().statusCode(400);
        Admin.asService().contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + UUID.randomUUID() + "\", \"lines\": [{\"sku\": {\"$gt\": \"\"}, \"quantity\": 1}]}")
                .when().post("/internal/reservations").then().statusCode(400);
        assertThat(stock(sku).getInt("available")).isEqualTo(3);
    }

    static JsonPath reserve(UUID order, Map<String, Integer> lines) {
        List<Map<String, Object>> body = new ArrayList<>();
        lines.forEach((sku, quantity) -> body.add(Map.of("sku", sku, "quantity", quantity)));
        return Admin.asService().contentType(ContentType.JSON).body(Map.of("orderId", order.toString(), "lines", body))
                .when().post("/internal/reservations")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath stock(String sku) {
        return given().auth().oauth2(Admin.TOKEN).when().get("/api/v1/inventory/" + sku)
                .then().statusCode(200).extract().jsonPath();
    }
}

package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Stripe's Idempotency-Key: a retried POST that moves stock does it once. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class IdempotencyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aRetriedDeliveryIsBookedOnceAndTheFirstAnswerIsGivenAgain() {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 3);
        String key = UUID.randomUUID().toString();

        Response first = adjust(Admin.TOKEN, sku, key, 10, "delivery 7");
        Response again = adjust(Admin.TOKEN, sku, key, 10, "delivery 7");

        first.then().statusCode(200).body("available", equalTo(13));
        again.then().statusCode(200).header("Idempotent-Replayed", "true").body("available", equalTo(13));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(13);
        assertThat(InventoryTest.stock(sku).getList("audit.reason")).containsOnlyOnce("delivery 7");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 3);
        String key = UUID.randomUUID().toString();
        adjust(Admin.TOKEN, sku, key, 10, "delivery 8").then().statusCode(200);

        adjust(Admin.TOKEN, sku, key, 50, "delivery 8").then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        adjust(Admin.TOKEN, sku + "-other", key, 10, "delivery 8").then().statusCode(422).contentType(PROBLEM);

        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(13);
    }

    @Test
    void anAdjustmentWithoutAKeyOrWithABadKeyIsRefused() {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 3);

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(Map.of("delta", 1, "reason", "no key"))
                .when().post("/api/v1/inventory/" + sku + "/adjustments")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("Idempotency-Key"));
        adjust(Admin.TOKEN, sku, "x".repeat(256), 1, "long key").then().statusCode(400).contentType(PROBLEM);
        adjust(Admin.TOKEN, sku, "tab\tkey", 1, "odd key").then().statusCode(400).contentType(PROBLEM);

        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(3);
    }

    @Test
    void aRequestThatFailedKeepsNothingSoItsRetryRuns() {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 3);
        String key = UUID.randomUUID().toString();
        // below zero: refused, nothing changed, nothing kept under the key
        adjust(Admin.TOKEN, sku, key, -5, "count").then().statusCode(422);
        adjust(Admin.TOKEN, sku, key, -5, "count").then().statusCode(422).body("violations[0].field", equalTo("delta"));

        adjust(Admin.TOKEN, sku, UUID.randomUUID().toString(), 5, "delivery 9").then().statusCode(200);
        adjust(Admin.TOKEN, sku, key, -5, "count").then().statusCode(200).body("available", equalTo(3));
    }

    @Test
    void keysOfDifferentCallersNeverMeet() {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 3);
        String key = UUID.randomUUID().toString();

        adjust(Admin.TOKEN, sku, key, 1, "one").then().statusCode(200).body("available", equalTo(4));
        adjust(TestTokens.admin("admin-2"), sku, key, 1, "one").then().statusCode(200).body("available", equalTo(5));
    }

    @Test
    void ofParallelRequestsWithOneKeyExactlyOneRuns() throws Exception {
        String sku = Admin.stockedSku(Admin.category("Idempotent", null), 0);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> adjust(Admin.TOKEN, sku, key, 7, "delivery 10").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }

            assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        } finally {
            pool.shutdown();
        }
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(7);
    }

    @Test
    void aRetriedCreationGivesTheSameProductAgain() {
        String category = Admin.category("Idempotent", null);
        String key = UUID.randomUUID().toString();
        Map<String, Object> product = Admin.product("Once", "B", "d", category, Map.of(), List.of(Admin.variant(Admin.sku("ONCE"), 1_000, 1)));

        Response first = given().auth().oauth2(Admin.TOKEN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(product)
                .when().post("/api/v1/products");
        Response again = given().auth().oauth2(Admin.TOKEN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(product)
                .when().post("/api/v1/products");

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
    }

    private static Response adjust(String token, String sku, String key, int delta, String reason) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("delta", delta, "reason", reason))
                .when().post("/api/v1/inventory/" + sku + "/adjustments");
    }
}

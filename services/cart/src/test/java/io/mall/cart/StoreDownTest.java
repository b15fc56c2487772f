package io.mall.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.LocalServers;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With Redis out of reach, the cart answers 503 problems with Retry-After, never 500. */
@QuarkusTest
@TestProfile(StoreDownTest.OutOfReach.class)
class StoreDownTest {

    public static class OutOfReach implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisOutOfReach.class, Map.of("service", "cart", "servers", "kafka")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class RedisOutOfReach extends MallTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + LocalServers.freePort());
            config.put("mall.redis.key-prefix", "down:");
            return config;
        }

    }

    @Test
    void readingAndChangingACartAreA503ProblemToRetry() {
        String shopper = TestTokens.customer("shopper-" + UUID.randomUUID());
        given().auth().oauth2(shopper).when().get("/api/v1/cart")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", equalTo("a store this service needs cannot be reached; try again shortly"));
        given().auth().oauth2(shopper).when().get("/api/v1/wishlist")
                .then().statusCode(503)
                .contentType("application/problem+json");
        given().auth().oauth2(shopper).contentType(ContentType.JSON).body(Map.of("sku", "SKU-1", "quantity", 1))
                .when().post("/api/v1/cart/lines")
                .then().statusCode(503)
                .contentType("application/problem+json");
    }
}

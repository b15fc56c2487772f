package io.mall.cart;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A guest cart left alone longer than its idle time to live is gone. */
@QuarkusTest
@TestProfile(GuestExpiryTest.ShortIdle.class)
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "cart"),
        @ResourceArg(name = "servers", value = "redis,kafka") })
@QuarkusTestResource(ProductStub.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "cart"))
class GuestExpiryTest {

    public static class ShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.cart.guest-ttl", "PT2S", "mall.cart.new-guest-ttl", "PT2S");
        }
    }

    @Test
    void anIdleGuestCartExpires() {
        String sku = CartTest.sku(1_000, 5);
        String token = CartTest.add(null, null, sku, 1).then().statusCode(200).extract().header("X-Cart-Token");
        given().header("X-Cart-Token", token).when().get("/api/v1/cart").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("X-Cart-Token", token).when().get("/api/v1/cart").statusCode() == 404);
    }
}

package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.Topics;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Holds that are neither committed nor released go back on sale after the reservation TTL. */
@QuarkusTest
@TestProfile(ExpiryTest.ShortHolds.class)
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class ExpiryTest {

    public static class ShortHolds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.product.reservation-ttl", "PT2S");
        }
    }

    @Test
    void anExpiredHoldIsReleasedAndReported() {
        String sku = Admin.stockedSku(Admin.category("Expiry", null), 5);
        UUID order = UUID.randomUUID();

        assertThat(InventoryTest.reserve(order, Map.of(sku, 2)).getString("state")).isEqualTo("RESERVED");
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).until(() -> "RELEASED".equals(
                Admin.asService().get("/internal/reservations/" + order).then().extract().path("state")));
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(5);
        assertThat(InventoryTest.stock(sku).getInt("reserved")).isZero();
        JsonPath released = new JsonPath(TestKafka.read(Topics.PRODUCT_EVENTS, order.toString(),
                list -> list.size() >= 2, Duration.ofSeconds(30)).get(1));
        assertThat(released.getBoolean("data.expired")).isTrue();
        // committing after expiry is refused: the units are on sale again
        Admin.asService().post("/internal/reservations/" + order + "/commit").then().statusCode(409);
    }
}

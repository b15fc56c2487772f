package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;
import io.mall.testing.LocalServer;
import io.mall.testing.LocalServers;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A broker restart is not an outage of the shop: while Kafka is away the service stays ready and
 * answers from its own store, reports the broker on its own, keeps the events it makes, and sends
 * them and reads its commands again once the broker is back.
 */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    ObjectMapper json;

    @Test
    void withTheBrokerAwayForAMinuteTheServiceStaysReadyAndSendsWhatItMadeOnceTheBrokerIsBack() throws Exception {
        String category = Admin.category("Outage", null);
        String sku = Admin.sku("OUT");
        String id;
        LocalServers.stop(LocalServer.KAFKA);
        try {
            Instant back = Instant.now().plus(OUTAGE);
            id = Admin.create(Admin.product("Made in an outage", "B", "d", category, Map.of(), List.of(Admin.variant(sku, 5_000, 4))))
                    .getString("id");
            await().atMost(WAIT).until(() -> brokerReported().equals("DOWN"));
            while (Instant.now().isBefore(back)) {
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                given().queryParam("category", category).get("/api/v1/products").then().statusCode(200).body("total", equalTo(1));
                Thread.sleep(5_000);
            }
        } finally {
            LocalServers.ensureUp(Set.of(LocalServer.KAFKA));
        }

        List<String> made = TestKafka.read(Topics.PRODUCT_EVENTS, id, list -> !list.isEmpty(), WAIT);
        assertThat(made).isNotEmpty();
        assertThat(new JsonPath(made.get(0)).getString("type")).isEqualTo(EventTypes.PRODUCT_CREATED);

        UUID order = UUID.randomUUID();
        TestKafka.send(Topics.PRODUCT_COMMANDS, order.toString(), json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.RESERVE_STOCK, "order", Instant.now(), order.toString(), null,
                new ReserveStock(order, List.of(new StockLine(sku, 1))))));
        List<String> answered = TestKafka.read(Topics.PRODUCT_EVENTS, order.toString(), list -> !list.isEmpty(), WAIT);
        assertThat(answered).isNotEmpty();
        assertThat(new JsonPath(answered.get(0)).getString("type")).isEqualTo(EventTypes.STOCK_RESERVED);
        await().atMost(WAIT).until(() -> brokerReported().equals("UP"));
    }

    /** The broker's state as the wellness check reports it. */
    private static String brokerReported() {
        return given().get("/q/health/well").then().extract().jsonPath()
                .getString("checks.find { it.name == 'Kafka broker' }.status");
    }
}

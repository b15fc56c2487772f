package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ProductChanged;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.review.ReviewStatsChanged;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On every topic the product service reads, a message it cannot read or that breaks its contract
 * goes to {@code <topic>.dlq} with the reason, and the channel goes on with the next message; the
 * consumer group's offset moves past all of them, so a restarted service does not meet them again.
 */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.group.id")
    String group;
    @ConfigProperty(name = "quarkus.uuid")
    String replica;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    @Inject
    com.mongodb.client.MongoClient mongo;
    @Inject
    ObjectMapper json;

    @Test
    void badStockCommandsAreDeadLetteredAndTheNextCommandTakesEffect() {
        String sku = Admin.stockedSku(Admin.category("Dead letters", null), 5);
        UUID order = UUID.randomUUID();
        String key = order.toString();

        TestKafka.send(Topics.PRODUCT_COMMANDS, key, "this is not an envelope {");
        // the message that once stopped this consumer for good: no id, no subject, empty data
        TestKafka.send(Topics.PRODUCT_COMMANDS, key, "{\"type\":\"product.reserve-stock\",\"data\":{}}");
        TestKafka.send(Topics.PRODUCT_COMMANDS, key, envelope(EventTypes.RESERVE_STOCK, key,
                Map.of("lines", List.of(Map.of("sku", sku, "quantity", -5)))));
        TestKafka.Written valid = TestKafka.send(Topics.PRODUCT_COMMANDS, key, envelope(EventTypes.RESERVE_STOCK, key,
                new ReserveStock(order, List.of(new StockLine(sku, 2)))));

        List<String> outcome = TestKafka.read(Topics.PRODUCT_EVENTS, key, list -> !list.isEmpty(), WAIT);
        assertThat(outcome.get(0)).contains(EventTypes.STOCK_RESERVED);
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(3);

        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.PRODUCT_COMMANDS, key, 3);
        assertThat(header(dead.get(0), "dead-letter-reason")).startsWith("the message is not JSON: Unrecognized token 'this'");
        assertThat(header(dead.get(1), "dead-letter-reason")).isEqualTo("the envelope has no id");
        assertThat(header(dead.get(2), "dead-letter-reason")).isEqualTo("the data of product.reserve-stock breaks the contract: "
                + "lines[0].quantity must be greater than or equal to 1, orderId must not be null");
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, "dead-letter-topic")).isEqualTo(TestKafka.topic(Topics.PRODUCT_COMMANDS));
            assertThat(header(record, "dead-letter-consumer")).isEqualTo("product-commands");
            assertThat(header(record, "dead-letter-offset")).isNotBlank();
        });
        assertReadyAndPast(group, Topics.PRODUCT_COMMANDS, valid);
    }

    @Test
    void badReviewStatisticsAreDeadLetteredAndTheNextOnesBecomeTheRating() {
        String id = Admin.create(Admin.product("Dead letter rated", "B", "d", Admin.category("Dead letters", null), Map.of(),
                List.of(Admin.variant(Admin.sku("DLR"), 1_000, 3)))).getString("id");

        TestKafka.send(Topics.REVIEW_EVENTS, id, "\u0000\u0001 binary");
        TestKafka.send(Topics.REVIEW_EVENTS, id, envelope(EventTypes.REVIEW_STATS_CHANGED, id,
                Map.of("count", -1, "average", 9.5, "histogram", List.of(1, 2), "version", 1)));
        TestKafka.Written valid = TestKafka.send(Topics.REVIEW_EVENTS, id, envelope(EventTypes.REVIEW_STATS_CHANGED, id,
                new ReviewStatsChanged(id, 2, 4.5, List.of(0L, 0L, 0L, 1L, 1L), 1)));

        await().atMost(WAIT).until(() -> given().get("/api/v1/products/" + id).then().extract().jsonPath().getLong("rating.count") == 2);
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.REVIEW_EVENTS, id, 2);
        assertThat(header(dead.get(0), "dead-letter-reason")).startsWith("the message is not JSON");
        assertThat(header(dead.get(1), "dead-letter-reason")).isEqualTo("the data of review.stats-changed breaks the contract: "
                + "average must be less than or equal to 5.0, count must be greater than or equal to 0, "
                + "histogram size must be between 5 and 5, productId must not be blank");
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "dead-letter-consumer")).isEqualTo("review-events"));
        assertReadyAndPast(group, Topics.REVIEW_EVENTS, valid);
    }

    @Test
    void badCatalogChangesAreDeadLetteredAndTheNextChangeReachesThisReplica() {
        String category = Admin.category("Dead letter changes", null);
        String sku = Admin.sku("DLC");
        String id = Admin.create(Admin.product("Changing", "B", "d", category, Map.of(), List.of(Admin.variant(sku, 30_000, 4))))
                .getString("id");
        given().get("/api/v1/products/" + id).then().statusCode(200); // now cached here

        TestKafka.send(Topics.PRODUCT_EVENTS, id, "[]");
        TestKafka.send(Topics.PRODUCT_EVENTS, id, envelope(EventTypes.PRODUCT_PRICE_CHANGED, id, Map.of("name", "no id")));
        // another replica changed the price: its write, then its event
        mongo.getDatabase(database).getCollection("products").updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.set("variants.0.price", 27_000L));
        TestKafka.Written valid = TestKafka.send(Topics.PRODUCT_EVENTS, id, envelope(EventTypes.PRODUCT_PRICE_CHANGED, id,
                new ProductChanged(id, "Changing", "B", category, false, List.of(new ProductChanged.VariantPrice(sku, 27_000, "KRW")), 2)));

        await().atMost(WAIT).until(() -> given().get("/api/v1/products/" + id).then().extract()
                .jsonPath().getLong("variants[0].price") == 27_000);
        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.PRODUCT_EVENTS, id, 2);
        assertThat(header(dead.get(0), "dead-letter-reason")).isEqualTo("the message is not a JSON object");
        assertThat(header(dead.get(1), "dead-letter-reason"))
                .isEqualTo("the data of product.price-changed breaks the contract: productId must not be blank");
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "dead-letter-consumer")).isEqualTo("catalog-changes"));
        assertReadyAndPast("product-replica-" + replica, Topics.PRODUCT_EVENTS, valid);
    }

    private void assertReadyAndPast(String consumerGroup, String topic, TestKafka.Written last) {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // what a restart on the same group reads first: nothing of the above
        await().atMost(WAIT).until(() -> TestKafka.committedOffset(consumerGroup, topic, last.partition()) > last.offset());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> dead = TestKafka.records(topic + ".dlq", key, list -> list.size() >= count, WAIT);
        assertThat(dead).hasSize(count);
        return dead;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String envelope(String type, String subject, Object data) {
        try {
            return json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type, "test", Instant.now(), subject, null, data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.CommitStock;
import io.mall.contracts.product.ReleaseStock;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.review.ReviewStatsChanged;
import io.mall.product.domain.PendingEvent;
import io.mall.product.messaging.OutboxRelay;
import io.mall.product.store.Events;
import io.mall.product.store.ProductRepository;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The saga's commands arrive on Kafka and every outcome leaves as an event, once. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class MessagingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "quarkus.uuid")
    String replica;
    @Inject
    Events events;
    @Inject
    ProductRepository products;
    @Inject
    io.quarkus.mongodb.reactive.ReactiveMongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    /** the service's own mapper: events written here read as the relay's do */
    @Inject
    ObjectMapper json;

    @Test
    void sagaCommandsAreIdempotentAndEachOutcomeIsPublishedOnce() throws Exception {
        String sku = Admin.stockedSku(Admin.category("Saga", null), 10);
        UUID order = UUID.randomUUID();

        for (int i = 0; i < 2; i++) {
            command(EventTypes.RESERVE_STOCK, order, new ReserveStock(order, List.of(new StockLine(sku, 3))));
        }
        List<String> types = eventTypes(order, list -> list.contains(EventTypes.STOCK_RESERVED));
        assertThat(types).containsExactly(EventTypes.STOCK_RESERVED);
        assertThat(InventoryTest.stock(sku).getInt("available")).isEqualTo(7);

        for (int i = 0; i < 2; i++) {
            command(EventTypes.RELEASE_STOCK, order, new ReleaseStock(order));
        }
        command(EventTypes.COMMIT_STOCK, order, new CommitStock(order));
        types = eventTypes(order, list -> list.contains(EventTypes.STOCK_RELEASED));
        await().atMost(WAIT).until(() -> InventoryTest.stock(sku).getInt("available") == 10);
        // the refused commit and the repeated release add nothing
        Thread.sleep(1500);
        assertThat(eventTypes(order, list -> false, Duration.ofSeconds(3)))
                .containsExactly(EventTypes.STOCK_RESERVED, EventTypes.STOCK_RELEASED);
        assertThat(types).contains(EventTypes.STOCK_RELEASED);
    }

    @Test
    void aRejectionIsPublishedWithTheShortSku() {
        String sku = Admin.stockedSku(Admin.category("Saga", null), 1);
        UUID order = UUID.randomUUID();

        command(EventTypes.RESERVE_STOCK, order, new ReserveStock(order, List.of(new StockLine(sku, 2))));

        List<String> events = TestKafka.read(Topics.PRODUCT_EVENTS, order.toString(), list -> !list.isEmpty(), WAIT);
        JsonPath rejected = new JsonPath(events.get(0));
        assertThat(rejected.getString("type")).isEqualTo(EventTypes.STOCK_REJECTED);
        assertThat(rejected.getList("data.unavailable", String.class)).containsExactly(sku);
    }

    @Test
    void eventsACrashLeftInADocumentAreSentByTheSweep() {
        String id = Admin.create(Admin.product("Crashed", "B", "d", Admin.category("Crash", null), Map.of(),
                List.of(Admin.variant(Admin.sku("CRASH"), 1_000, 3)))).getString("id");
        TestKafka.read(Topics.PRODUCT_EVENTS, id, list -> !list.isEmpty(), WAIT);
        // a change written with its event, then the process died before naming it to the relay
        PendingEvent orphan = events.event(Topics.PRODUCT_EVENTS, EventTypes.PRODUCT_UPDATED, id, Map.of("productId", id));
        products.mongoCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.push("outbox", new org.bson.Document("id", orphan.id).append("topic", orphan.topic)
                        .append("key", orphan.key).append("envelope", orphan.envelope).append("origin", orphan.origin)))
                .await().atMost(WAIT);

        relay.sweep().await().atMost(WAIT);

        List<ConsumerRecord<String, String>> sent = TestKafka.records(Topics.PRODUCT_EVENTS, id, list -> list.size() >= 2, WAIT);
        ConsumerRecord<String, String> swept = sent.stream()
                .filter(record -> orphan.id.equals(new JsonPath(record.value()).getString("id"))).findFirst().orElseThrow();
        // nobody is known to have applied a swept change: every replica, its maker included, applies it
        assertThat(swept.headers().lastHeader(Events.ORIGIN_HEADER)).isNull();
        assertThat(products.findById(id).await().atMost(WAIT).outbox).isEmpty();
    }

    @Test
    void aSweepGoesOnPastAFullBatchOfLeftovers() {
        // more documents holding a crash's events than one drain reads (200)
        String key = "sweep-" + UUID.randomUUID();
        List<org.bson.Document> leftovers = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            PendingEvent event = events.event(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RELEASED, key, Map.of("n", i));
            leftovers.add(new org.bson.Document("_id", key + "-" + i).append("outbox", List.of(new org.bson.Document("id", event.id)
                    .append("topic", event.topic).append("key", key).append("envelope", event.envelope))));
        }
        var reservations = mongo.getDatabase(database).getCollection("reservations");
        reservations.insertMany(leftovers).await().atMost(WAIT);
        try {
            relay.sweep().await().atMost(WAIT);

            assertThat(TestKafka.read(Topics.PRODUCT_EVENTS, key, list -> list.size() >= 230, WAIT)).hasSize(230);
        } finally {
            reservations.deleteMany(com.mongodb.client.model.Filters.regex("_id", "^" + key)).await().atMost(WAIT);
        }
    }

    @Test
    void catalogChangesAndLowStockArePublished() {
        String category = Admin.category("Events", null);
        String sku = Admin.sku("EVT");
        String id = Admin.create(Admin.product("Evented", "B", "d", category, Map.of(), List.of(Admin.variant(sku, 1_000, 3))))
                .getString("id");

        List<ConsumerRecord<String, String>> productEvents = TestKafka.records(Topics.PRODUCT_EVENTS, id, list -> !list.isEmpty(), WAIT);
        JsonPath created = new JsonPath(productEvents.get(0).value());
        assertThat(created.getString("type")).isEqualTo(EventTypes.PRODUCT_CREATED);
        assertThat(created.getLong("data.variants[0].price")).isEqualTo(1_000);
        // this replica applied the change when it made it: the record says so, for it to skip
        assertThat(new String(productEvents.get(0).headers().lastHeader(Events.ORIGIN_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(replica);

        // threshold 2: holding 2 of 3 leaves 1
        InventoryTest.reserve(UUID.randomUUID(), Map.of(sku, 2));
        List<String> stockEvents = TestKafka.read(Topics.PRODUCT_EVENTS, sku, list -> !list.isEmpty(), WAIT);
        JsonPath low = new JsonPath(stockEvents.get(0));
        assertThat(low.getString("type")).isEqualTo(EventTypes.STOCK_LOW);
        assertThat(low.getInt("data.available")).isEqualTo(1);
    }

    @Test
    void reviewStatisticsBecomeTheProductsRatingNewestFirst() {
        String category = Admin.category("Rated", null);
        String id = Admin.create(Admin.product("Rated", "B", "d", category, Map.of(),
                List.of(Admin.variant(Admin.sku("RAT"), 1_000, 3)))).getString("id");

        review(id, new ReviewStatsChanged(id, 4, 4.5, List.of(0L, 0L, 0L, 2L, 2L), 2));
        review(id, new ReviewStatsChanged(id, 1, 1.0, List.of(1L, 0L, 0L, 0L, 0L), 1));

        await().atMost(WAIT).until(() -> given().get("/api/v1/products/" + id).then().extract().jsonPath().getLong("rating.count") == 4);
        await().atMost(WAIT).until(() -> given().queryParams(Map.of("category", category, "minRating", "4.5"))
                .get("/api/v1/products").then().extract().jsonPath().getInt("total") == 1);
        assertThat(given().get("/api/v1/products/" + id).then().extract().jsonPath().getDouble("rating.average")).isEqualTo(4.5);
    }

    private void command(String type, UUID order, Object data) {
        send(Topics.PRODUCT_COMMANDS, type, order.toString(), data, "order");
    }

    private void review(String productId, ReviewStatsChanged stats) {
        send(Topics.REVIEW_EVENTS, EventTypes.REVIEW_STATS_CHANGED, productId, stats, "review");
    }

    private void send(String topic, String type, String subject, Object data, String source) {
        try {
            TestKafka.send(topic, subject, json.writeValueAsString(
                    new EventEnvelope<>(UUID.randomUUID(), type, source, Instant.now(), subject, null, data)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> eventTypes(UUID order, java.util.function.Predicate<List<String>> done) {
        return eventTypes(order, done, WAIT);
    }

    private static List<String> eventTypes(UUID order, java.util.function.Predicate<List<String>> done, Duration timeout) {
        return TestKafka.read(Topics.PRODUCT_EVENTS, order.toString(),
                list -> done.test(list.stream().map(v -> new JsonPath(v).getString("type")).toList()), timeout)
                .stream().map(v -> new JsonPath(v).getString("type")).toList();
    }
}

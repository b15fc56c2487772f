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
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ProductChanged;
import io.mall.product.messaging.CatalogChanges;
import io.mall.product.store.Events;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A price changed by another replica is not served stale from this replica's cache; a change this
 * replica made (and applied when it made it) is not applied a second time when it comes back; stock
 * another replica changed shows on a product page within the shown stock's freshness (one second).
 */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class ReplicaCacheTest {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @ConfigProperty(name = "quarkus.uuid")
    String replica;

    @Inject
    CatalogChanges changes;

    /** the service's own mapper: events written here read as the relay's do */
    @Inject
    ObjectMapper json;

    @Test
    void aChangeComingBackToTheReplicaThatMadeItIsSkipped() throws Exception {
        String sku = Admin.sku("OWN");
        String id = Admin.create(Admin.product("Own", "B", "d", Admin.category("Own changes", null), Map.of(),
                List.of(Admin.variant(sku, 30_000, 4)))).getString("id");
        given().get("/api/v1/products/" + id).then().statusCode(200); // now cached here
        // the stored price moves without any event, so only a re-read can show it
        mongo.getDatabase(database).getCollection("products").updateOne(Filters.eq("_id", id), Updates.set("variants.0.price", 29_000L));

        ConsumerRecord<String, String> fromHere = priceChanged(id);
        fromHere.headers().add(Events.ORIGIN_HEADER, replica.getBytes(StandardCharsets.UTF_8));
        changes.handle(message(fromHere)).await().atMost(Duration.ofSeconds(10));
        assertThat(given().get("/api/v1/products/" + id).then().extract().jsonPath().getLong("variants[0].price")).isEqualTo(30_000);

        ConsumerRecord<String, String> fromElsewhere = priceChanged(id);
        fromElsewhere.headers().add(Events.ORIGIN_HEADER, "another-replica".getBytes(StandardCharsets.UTF_8));
        changes.handle(message(fromElsewhere)).await().atMost(Duration.ofSeconds(10));
        assertThat(given().get("/api/v1/products/" + id).then().extract().jsonPath().getLong("variants[0].price")).isEqualTo(29_000);
    }

    private ConsumerRecord<String, String> priceChanged(String id) throws Exception {
        String envelope = json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), EventTypes.PRODUCT_PRICE_CHANGED, "product",
                Instant.now(), id, null, Map.of("productId", id)));
        return new ConsumerRecord<>(Topics.PRODUCT_EVENTS, 0, 0L, id, envelope);
    }

    /** The record as the Kafka connector hands it to the consumer. */
    private static Message<String> message(ConsumerRecord<String, String> record) {
        return Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, "catalog-changes")));
    }

    @Test
    void aChangeAnnouncedByAnotherReplicaDropsTheCachedCopy() throws Exception {
        String category = Admin.category("Replicas", null);
        String sku = Admin.sku("REP");
        String id = Admin.create(Admin.product("Cached", "B", "d", category, Map.of(), List.of(Admin.variant(sku, 30_000, 4))))
                .getString("id");
        given().get("/api/v1/products/" + id).then().statusCode(200); // now cached here

        // another replica changes the price: its write, then its event
        mongo.getDatabase(database).getCollection("products").updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("variants.0.price", 27_000L), Updates.inc("version", 1L)));
        ProductChanged changed = new ProductChanged(id, "Cached", "B", category, false,
                List.of(new ProductChanged.VariantPrice(sku, 27_000, "KRW")), 2);
        TestKafka.send(Topics.PRODUCT_EVENTS, id, json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.PRODUCT_PRICE_CHANGED, "product", Instant.now(), id, null, changed)));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/products/" + id).then().extract()
                .jsonPath().getLong("variants[0].price") == 27_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().queryParams(Map.of("category", category, "maxPrice", "28000"))
                .get("/api/v1/products").then().extract().jsonPath().getInt("total") == 1);
    }

    @Test
    void stockAnotherReplicaChangedShowsOnTheProductPageWithinTheFreshness() {
        String sku = Admin.sku("SHOWN");
        String id = Admin.create(Admin.product("Shown", "B", "d", Admin.category("Shown stock", null), Map.of(),
                List.of(Admin.variant(sku, 10_000, 4)))).getString("id");
        assertThat(given().get("/api/v1/products/" + id).then().extract().jsonPath().getInt("variants[0].available")).isEqualTo(4);

        // another replica's reservation: a write to the stored stock this replica hears nothing of
        mongo.getDatabase(database).getCollection("stock").updateOne(Filters.eq("_id", sku),
                Updates.combine(Updates.inc("available", -3), Updates.inc("reserved", 3)));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> given()
                .get("/api/v1/products/" + id).then().extract().jsonPath().getInt("variants[0].available") == 1);
        // what is checked when stock is taken is the stored stock, never what a page showed
        assertThat(given().auth().oauth2(Admin.TOKEN).get("/api/v1/inventory/" + sku).then().extract().jsonPath()
                .getInt("available")).isEqualTo(1);
    }
}

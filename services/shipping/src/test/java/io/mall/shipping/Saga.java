package io.mall.shipping;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.shipping.CancelShipment;
import io.mall.contracts.shipping.CreateShipment;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The order saga's side of the shipping service, and a shopper with an address, for tests. */
final class Saga {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A shopper (their id and token) and one address of theirs. */
    record Shopper(UUID id, String token, UUID addressId) {
    }

    private Saga() {
    }

    static Shopper shopperIn(String country, String postalCode, String city, String line1) {
        UUID id = UUID.randomUUID();
        String token = TestTokens.customer(id.toString());
        Map<String, Object> form = new HashMap<>();
        form.put("recipientName", "김민지");
        form.put("phone", "010-1234-5678");
        form.put("country", country);
        form.put("postalCode", postalCode);
        form.put("city", city);
        form.put("line1", line1);
        String addressId = given().auth().oauth2(token).contentType(ContentType.JSON).body(form).when().post("/api/v1/addresses")
                .then().statusCode(201).extract().path("id");
        return new Shopper(id, token, UUID.fromString(addressId));
    }

    static Shopper koreanShopper() {
        return shopperIn("KR", "48058", "부산", "부산광역시 해운대구 센텀중앙로 79");
    }

    static CreateShipment create(UUID orderId, Shopper shopper) {
        return new CreateShipment(orderId, shopper.id(), shopper.addressId(), "STANDARD", List.of(new CreateShipment.Item("DEMO-1-0", 2)),
                1_200, LocalDate.now().plusDays(2), 39_000L, "KRW");
    }

    static void send(UUID orderId, CreateShipment create) {
        command(EventTypes.CREATE_SHIPMENT, orderId, create);
    }

    static void cancel(UUID orderId) {
        command(EventTypes.CANCEL_SHIPMENT, orderId, new CancelShipment(orderId, "the shopper cancelled the order"));
    }

    static void command(String type, UUID orderId, Object data) {
        publish(Topics.SHIPPING_COMMANDS, type, orderId, data);
    }

    /** An envelope about {@code subject} on {@code topic}, as its producer writes it. */
    static void publish(String topic, String type, UUID subject, Object data) {
        try {
            TestKafka.send(topic, subject.toString(), JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type,
                    topic.substring(0, topic.indexOf('.')), Instant.now(), subject.toString(), null, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Time passes for the order's parcel: everything that happened to it happened {@code by}
     * earlier (its booking with the simulated carrier, and the reports taken so far), and its
     * carrier is due to be asked.
     */
    static void travel(Pool database, UUID orderId, Duration by) {
        database.preparedQuery("UPDATE simulated_parcels p SET booked_at = p.booked_at - make_interval(secs => $2) FROM shipments s "
                + "WHERE s.order_id = $1 AND p.tracking_number = s.tracking_number").execute(Tuple.of(orderId, (double) by.toSeconds()))
                .await().indefinitely();
        database.preparedQuery("UPDATE shipments SET last_report_at = last_report_at - make_interval(secs => $2), "
                + "next_poll_at = CASE WHEN next_poll_at IS NULL THEN NULL ELSE now() END WHERE order_id = $1")
                .execute(Tuple.of(orderId, (double) by.toSeconds())).await().indefinitely();
    }

    /** The shipping events about the order, once {@code count} of {@code type} are among them (or 30 s passed). */
    static List<JsonPath> events(UUID orderId, String type, int count) {
        return events(orderId, type, count, Duration.ofSeconds(30));
    }

    static List<JsonPath> events(UUID orderId, String type, int count, Duration wait) {
        return TestKafka.read(Topics.SHIPPING_EVENTS, orderId.toString(),
                values -> values.stream().filter(value -> type.equals(new JsonPath(value).getString("type"))).count() >= count,
                wait).stream().map(JsonPath::new).toList();
    }

    static List<JsonPath> eventsOf(UUID orderId, String type, int count) {
        return events(orderId, type, count).stream().filter(event -> type.equals(event.getString("type"))).toList();
    }

    /** The first {@code type} event about the order. */
    static JsonPath event(UUID orderId, String type) {
        return eventsOf(orderId, type, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " about order " + orderId));
    }
}

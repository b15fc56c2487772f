package io.mall.payment;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
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
import io.mall.contracts.payment.ChargePayment;
import io.mall.testing.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The order saga's side of the payment service, and a shopper's card form, for tests. */
public final class Fixtures {

    static final String VISA = "4242424242424242";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    /** What the sandbox's card form gives for this test card. */
    static String cardToken(String number) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("number", number, "expMonth", 12, "expYear", java.time.Year.now().getValue() + 2, "cvc", "123"))
                .when().post("/api/v1/payments/sandbox/tokens")
                .then().statusCode(201).extract().path("token");
    }

    static ChargePayment card(UUID orderId, UUID userId, long amountMinor, String token) {
        return new ChargePayment(orderId, userId, amountMinor, "KRW", "CARD", token, null, false, null, false);
    }

    /** Sends a command as the order saga does, and returns its envelope id. */
    static UUID command(String type, UUID orderId, Object data) {
        return command(UUID.randomUUID(), type, orderId, data);
    }

    static UUID command(UUID envelopeId, String type, UUID orderId, Object data) {
        try {
            TestKafka.send(Topics.PAYMENT_COMMANDS, orderId.toString(), JSON.writeValueAsString(
                    new EventEnvelope<>(envelopeId, type, "order", Instant.now(), orderId.toString(), null, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return envelopeId;
    }

    public static UUID charge(ChargePayment charge) {
        return command(EventTypes.CHARGE_PAYMENT, charge.orderId(), charge);
    }

    /** The payment events about the order, once {@code count} of {@code type} are among them. */
    static List<JsonPath> events(UUID orderId, String type, int count) {
        return TestKafka.read(Topics.PAYMENT_EVENTS, orderId.toString(),
                values -> values.stream().filter(value -> type.equals(new JsonPath(value).getString("type"))).count() >= count,
                Duration.ofSeconds(30)).stream().map(JsonPath::new).toList();
    }

    /** The first {@code type} event about the order. */
    public static JsonPath event(UUID orderId, String type) {
        return events(orderId, type, 1).stream().filter(event -> type.equals(event.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " about order " + orderId));
    }
}

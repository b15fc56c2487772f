package io.mall.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.testing.TestKafka;
import io.restassured.path.json.JsonPath;

/** The product, payment and shipping services' side of the saga, played by tests over Kafka. */
final class SagaPartners {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SagaPartners() {
    }

    /** A partner's answer about the order, on {@code topic}. */
    static UUID answer(String topic, String type, UUID orderId, Object data) {
        UUID id = UUID.randomUUID();
        try {
            TestKafka.send(topic, orderId.toString(), JSON.writeValueAsString(
                    new EventEnvelope<>(id, type, topic.substring(0, topic.indexOf('.')), Instant.now(), orderId.toString(), null, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** The messages of {@code type} about the order on {@code topic}, once {@code count} are there (or 20 s passed). */
    static List<JsonPath> sent(String topic, UUID orderId, String type, int count) {
        return sent(topic, orderId, type, count, Duration.ofSeconds(20));
    }

    static List<JsonPath> sent(String topic, UUID orderId, String type, int count, Duration wait) {
        return TestKafka.read(topic, orderId.toString(),
                values -> values.stream().filter(value -> type.equals(new JsonPath(value).getString("type"))).count() >= count, wait)
                .stream().map(JsonPath::new).filter(message -> type.equals(message.getString("type"))).toList();
    }

    /** The first message of {@code type} about the order on {@code topic}. */
    static JsonPath first(String topic, UUID orderId, String type) {
        return sent(topic, orderId, type, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " about order " + orderId + " on " + topic));
    }
}

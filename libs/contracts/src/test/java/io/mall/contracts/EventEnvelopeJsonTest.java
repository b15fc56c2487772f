package io.mall.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EventEnvelopeJsonTest {

    /** Configured as Quarkus configures its ObjectMapper: ISO-8601 dates, unknown fields ignored. */
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    record SamplePlaced(UUID orderId, List<Line> lines) {
    }

    private final EventEnvelope<SamplePlaced> envelope = new EventEnvelope<>(
            UUID.fromString("6f1c1a52-3c1e-4b7e-9d87-8a1f1f0e2b11"),
            EventTypes.ORDER_PLACED,
            "order",
            Instant.parse("2026-11-24T10:15:30.123Z"),
            "4b0f2c6e-1d2a-4c43-a0f5-1d9b2f7e8a90",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            new SamplePlaced(UUID.fromString("4b0f2c6e-1d2a-4c43-a0f5-1d9b2f7e8a90"),
                    List.of(new Line("TSHIRT-RED-M", 2, new BigDecimal("19900")))));

    @Test
    void writesTheFieldsNamedByTheDesign() throws Exception {
        JsonNode tree = json.readTree(json.writeValueAsString(envelope));

        assertThat(tree.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "type", "source", "time", "subject", "traceparent", "data");
        assertThat(tree.get("id").asText()).isEqualTo("6f1c1a52-3c1e-4b7e-9d87-8a1f1f0e2b11");
        assertThat(tree.get("type").asText()).isEqualTo("order.placed");
        assertThat(tree.get("time").asText()).isEqualTo("2026-11-24T10:15:30.123Z");
        assertThat(tree.at("/data/lines/0/sku").asText()).isEqualTo("TSHIRT-RED-M");
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        String text = json.writeValueAsString(envelope);

        EventEnvelope<SamplePlaced> read = json.readValue(text, new TypeReference<>() {
        });

        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void aConsumerCanReadTheEnvelopeBeforeKnowingThePayloadType() throws Exception {
        String text = json.writeValueAsString(envelope);

        EventEnvelope<JsonNode> generic = json.readValue(text, new TypeReference<>() {
        });
        SamplePlaced data = json.treeToValue(generic.data(), SamplePlaced.class);

        assertThat(generic.type()).isEqualTo(EventTypes.ORDER_PLACED);
        assertThat(data).isEqualTo(envelope.data());
    }

    @Test
    void readsAMessageWrittenByAnotherService() throws Exception {
        String fromAnotherService = """
                {"id":"0d9e5a8e-6f57-4f43-b5e4-2c0f1e7a9b10","type":"user.registered","source":"user",
                 "time":"2026-11-24T09:00:00Z","subject":"42","traceparent":null,
                 "data":{"userId":"42","locale":"ko"},"extension":"ignored by older readers"}
                """;

        EventEnvelope<JsonNode> read = json.readValue(fromAnotherService, new TypeReference<>() {
        });

        assertThat(read.id()).isEqualTo(UUID.fromString("0d9e5a8e-6f57-4f43-b5e4-2c0f1e7a9b10"));
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(read.traceparent()).isNull();
        assertThat(read.data().get("locale").asText()).isEqualTo("ko");
    }

    @Test
    void topicNamesFollowTheServiceDotKindConvention() {
        assertThat(List.of(Topics.USER_EVENTS, Topics.PRODUCT_EVENTS, Topics.ORDER_EVENTS,
                Topics.PAYMENT_EVENTS, Topics.SHIPPING_EVENTS, Topics.REVIEW_EVENTS))
                .allMatch(name -> name.matches("[a-z]+\\.events"));
        assertThat(List.of(Topics.PRODUCT_COMMANDS, Topics.PAYMENT_COMMANDS, Topics.SHIPPING_COMMANDS))
                .allMatch(name -> name.matches("[a-z]+\\.commands"));
    }
}

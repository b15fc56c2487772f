package io.mall.contracts.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;

class ShippingMessagesJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final UUID orderId = UUID.randomUUID();

    @Test
    void aCreateShipmentCommandReadsBackEqual() throws Exception {
        CreateShipment create = new CreateShipment(orderId, UUID.randomUUID(), UUID.randomUUID(), "EXPRESS",
                List.of(new CreateShipment.Item("DEMO-1-0", 2)), 1_250, LocalDate.of(2026, 11, 28), 39_000L, "KRW");

        EventEnvelope<CreateShipment> read = json.readValue(json.writeValueAsString(envelope(EventTypes.CREATE_SHIPMENT, create)),
                new TypeReference<>() {
                });

        assertThat(read.data()).isEqualTo(create);
    }

    @Test
    void shipmentEventsCarryTheirDatesAsIsoText() throws Exception {
        ShipmentCreated created = new ShipmentCreated(UUID.randomUUID(), orderId, "simulated", "SIM000123", LocalDate.of(2026, 11, 30));
        ShipmentUpdated updated = new ShipmentUpdated(created.shipmentId(), orderId, "IN_TRANSIT", "대전 허브", "sorted",
                Instant.parse("2026-11-27T03:00:00Z"));

        String createdJson = json.writeValueAsString(envelope(EventTypes.SHIPMENT_CREATED, created));
        String updatedJson = json.writeValueAsString(envelope(EventTypes.SHIPMENT_UPDATED, updated));

        assertThat(json.readTree(createdJson).get("data").get("promisedBy").asText()).isEqualTo("2026-11-30");
        assertThat(json.readTree(updatedJson).get("data").get("at").asText()).isEqualTo("2026-11-27T03:00:00Z");
        assertThat(json.readValue(updatedJson, new TypeReference<EventEnvelope<ShipmentUpdated>>() {
        }).data()).isEqualTo(updated);
    }

    private <T> EventEnvelope<T> envelope(String type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, "shipping", Instant.now(), orderId.toString(), null, data);
    }
}

package io.mall.contracts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;

class NotificationMessagesJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aDeadLetteredDeliveryReadsBackEqualAndCarriesNoAddressOrText() throws Exception {
        UUID deliveryId = UUID.randomUUID();
        DeliveryDeadLettered dead = new DeliveryDeadLettered(deliveryId, UUID.randomUUID(), UUID.randomUUID(), "SMS",
                "ORDER_RECEIVED", 8, "Twilio 503: Service Unavailable", Instant.parse("2026-11-26T09:00:00Z"));

        String written = json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), EventTypes.NOTIFICATION_DEAD_LETTERED,
                "notification", dead.at(), deliveryId.toString(), null, dead));
        EventEnvelope<DeliveryDeadLettered> read = json.readValue(written, new TypeReference<>() {
        });

        assertThat(read.data()).isEqualTo(dead);
        assertThat(json.readTree(written).get("data").fieldNames()).toIterable()
                .doesNotContain("recipient", "email", "phone", "body");
    }
}

package io.mall.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;

class PaymentMessagesJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final UUID orderId = UUID.randomUUID();

    @Test
    void aChargeReadsBackEqualWithItsAmountInMinorUnits() throws Exception {
        ChargePayment charge = new ChargePayment(orderId, UUID.randomUUID(), 25_900, "KRW", "CARD", "tok_1", null, true, null, false);

        String written = json.writeValueAsString(envelope(EventTypes.CHARGE_PAYMENT, charge));
        EventEnvelope<ChargePayment> read = json.readValue(written, new TypeReference<>() {
        });

        assertThat(read.data()).isEqualTo(charge);
        assertThat(json.readTree(written).get("data").get("amountMinor").isIntegralNumber()).isTrue();
        assertThat(charge.toString()).doesNotContain("tok_1");
    }

    @Test
    void aRefundWithoutAnAmountMeansEverythingLeft() throws Exception {
        RefundPayment refund = new RefundPayment(orderId, UUID.randomUUID(), null, null, "cancelled");

        JsonNode data = json.readTree(json.writeValueAsString(envelope(EventTypes.REFUND_PAYMENT, refund))).get("data");
        RefundPayment read = json.treeToValue(data, RefundPayment.class);

        assertThat(read).isEqualTo(refund);
        assertThat(data.get("amountMinor").isNull()).isTrue();
    }

    @Test
    void aWaitForTheShopperCarriesItsExpiryAsAnInstant() throws Exception {
        PaymentActionRequired waiting = new PaymentActionRequired(UUID.randomUUID(), orderId, 48_000, "KRW", "BANK_TRANSFER",
                "Mall Sandbox Bank", "91234567890123", null, Instant.parse("2026-11-27T10:00:00Z"));

        String written = json.writeValueAsString(envelope(EventTypes.PAYMENT_ACTION_REQUIRED, waiting));

        assertThat(json.readTree(written).get("data").get("expiresAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(json.readValue(written, new TypeReference<EventEnvelope<PaymentActionRequired>>() {
        }).data()).isEqualTo(waiting);
    }

    private <T> EventEnvelope<T> envelope(String type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, "order", Instant.now(), orderId.toString(), null, data);
    }
}

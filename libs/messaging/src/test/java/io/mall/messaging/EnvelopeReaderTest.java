package io.mall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;

class EnvelopeReaderTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EnvelopeReader reader = new EnvelopeReader(json, Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void aWholeEnvelopeIsReadAndItsDataBoundToTheContract() throws Exception {
        UUID order = UUID.randomUUID();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String message = json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), "product.reserve-stock", "order",
                Instant.parse("2026-11-26T10:00:00Z"), order.toString(), traceparent,
                new ReserveStock(order, List.of(new StockLine("SKU-1", 2)))));

        ReceivedEnvelope envelope = reader.read(message);

        assertThat(envelope.type()).isEqualTo("product.reserve-stock");
        assertThat(envelope.subject()).isEqualTo(order.toString());
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(envelope.traceparent()).isEqualTo(traceparent);
        assertThat(envelope.data(ReserveStock.class).lines()).containsExactly(new StockLine("SKU-1", 2));
    }

    @Test
    void aTimeWrittenAsDecimalSecondsIsReadToo() throws Exception {
        String message = envelope("{\"orderId\":\"" + UUID.randomUUID() + "\"}").replace("\"2026-11-26T10:00:00Z\"", "1795687200.250000000");

        assertThat(reader.read(message).time()).isEqualTo(Instant.parse("2026-11-26T10:00:00.25Z"));
    }

    @Test
    void aMessageThatIsNotJsonIsAContractViolation() {
        assertThatThrownBy(() -> reader.read("not json {")).isInstanceOf(ContractViolation.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(ContractViolation.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("[1,2]")).isInstanceOf(ContractViolation.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void anEnvelopeWithoutIdTypeSubjectOrDataIsAContractViolation() {
        assertThatThrownBy(() -> reader.read("{\"type\":\"product.reserve-stock\",\"data\":{}}"))
                .isInstanceOf(ContractViolation.class).hasMessage("the envelope has no id");
        assertThatThrownBy(() -> reader.read(envelope("{}").replace("\"subject\":\"s-1\",", "")))
                .isInstanceOf(ContractViolation.class).hasMessage("the envelope has no subject");
        assertThatThrownBy(() -> reader.read(envelope("{}").replace(",\"data\":{}", "")))
                .isInstanceOf(ContractViolation.class).hasMessage("the envelope's data is missing or not an object");
        assertThatThrownBy(() -> reader.read(envelope("{}").replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"seven\"")))
                .isInstanceOf(ContractViolation.class).hasMessage("the envelope's id is not a UUID");
    }

    @Test
    void dataThatBreaksTheContractNamesEveryBrokenField() throws Exception {
        ReceivedEnvelope noOrder = reader.read(envelope("{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":-5}]}"));

        assertThatThrownBy(() -> noOrder.data(ReserveStock.class))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("lines[0].quantity must be greater than or equal to 1")
                .hasMessageContaining("orderId must not be null");
    }

    @Test
    void dataOfTheWrongShapeIsAContractViolation() throws Exception {
        ReceivedEnvelope wrong = reader.read(envelope("{\"orderId\":\"not-a-uuid\",\"lines\":[]}"));

        assertThatThrownBy(() -> wrong.data(ReserveStock.class))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("the data of product.reserve-stock is not a ReserveStock");
    }

    private static String envelope(String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"product.reserve-stock\",\"source\":\"order\","
                + "\"time\":\"2026-11-26T10:00:00Z\",\"subject\":\"s-1\",\"traceparent\":null,\"data\":" + data + "}";
    }
}

package io.mall.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an envelope and binds its {@code data} to a contract record, validated against the
 * record's constraints. Anything that is not a whole envelope, or whose data breaks the contract,
 * is a {@link ContractViolation} that names what is wrong.
 */
@ApplicationScoped
public class EnvelopeReader {

    private final ObjectMapper json;
    private final Validator validator;

    public EnvelopeReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public ReceivedEnvelope read(String message) {
        if (message == null || message.isBlank()) {
            throw new ContractViolation("the message is empty");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw new ContractViolation("the message is not JSON: " + e.getOriginalMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new ContractViolation("the message is not a JSON object");
        }
        UUID id = uuid(envelope, "id");
        String type = text(envelope, "type");
        String source = text(envelope, "source");
        String subject = text(envelope, "subject");
        Instant time = instant(envelope);
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new ContractViolation("the envelope's data is missing or not an object");
        }
        JsonNode traceparent = envelope.get("traceparent");
        return new ReceivedEnvelope(this, id, type, source, time, subject,
                traceparent == null || !traceparent.isTextual() ? null : traceparent.asText(), data);
    }

    /** The data bound to its contract record and validated. */
    <T> T bind(ReceivedEnvelope envelope, Class<T> contract) {
        T value;
        try {
            value = json.treeToValue(envelope.rawData(), contract);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation("the data of " + envelope.type() + " is not a " + contract.getSimpleName()
                    + ": " + rootMessage(e));
        }
        if (value == null) {
            throw new ContractViolation("the data of " + envelope.type() + " is empty");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ContractViolation("the data of " + envelope.type() + " breaks the contract: " + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .collect(Collectors.joining(", ")));
        }
        return value;
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ContractViolation("the envelope has no " + field);
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode envelope, String field) {
        String value = text(envelope, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation("the envelope's " + field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode envelope) {
        JsonNode value = envelope.get("time");
        if (value == null || value.isNull()) {
            throw new ContractViolation("the envelope has no time");
        }
        try {
            // Jackson writes an Instant as an ISO string or as decimal seconds, depending on its settings
            return value.isNumber() ? Instant.ofEpochSecond(value.longValue(),
                    value.decimalValue().remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue())
                    : Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new ContractViolation("the envelope's time is not an instant");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}

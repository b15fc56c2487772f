package io.mall.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An envelope as it arrived: its header fields read, its data bound on demand to the contract its type names. */
public final class ReceivedEnvelope {

    private final EnvelopeReader reader;
    private final UUID id;
    private final String type;
    private final String source;
    private final Instant time;
    private final String subject;
    private final String traceparent;
    private final JsonNode data;

    ReceivedEnvelope(EnvelopeReader reader, UUID id, String type, String source, Instant time, String subject,
            String traceparent, JsonNode data) {
        this.reader = reader;
        this.id = id;
        this.type = type;
        this.source = source;
        this.time = time;
        this.subject = subject;
        this.traceparent = traceparent;
        this.data = data;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public Instant time() {
        return time;
    }

    public String subject() {
        return subject;
    }

    /** The W3C trace context of the request that caused the message, or null. */
    public String traceparent() {
        return traceparent;
    }

    /** The data as the contract record; a {@link ContractViolation} when it does not bind or breaks a constraint. */
    public <T> T data(Class<T> contract) {
        return reader.bind(this, contract);
    }

    JsonNode rawData() {
        return data;
    }

    @Override
    public String toString() {
        return type + " " + id + " about " + subject;
    }
}

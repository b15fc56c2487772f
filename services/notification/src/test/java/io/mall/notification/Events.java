package io.mall.notification;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.testing.TestKafka;

/** The other services' events, sent over Kafka by tests as those services send them. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    /** Sends a new event and answers its id. */
    static UUID send(String topic, String type, Object subject, Object data) {
        UUID id = UUID.randomUUID();
        send(id, topic, type, subject, data);
        return id;
    }

    /** Sends the event with this id (again, when a test repeats one). */
    static void send(UUID id, String topic, String type, Object subject, Object data) {
        try {
            TestKafka.send(topic, subject.toString(), JSON.writeValueAsString(
                    new EventEnvelope<>(id, type, topic.substring(0, topic.indexOf('.')), Instant.now(), subject.toString(), null, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

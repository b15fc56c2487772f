package io.mall.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.mall.contracts.Topics;
import io.mall.testing.LocalServer;
import io.mall.testing.TestRun;
import io.restassured.path.json.JsonPath;

/** Reads what the service published on this run's {@code user.events}, straight from Kafka. */
final class UserEvents {

    private UserEvents() {
    }

    /** The envelopes about {@code subject}, in order, once {@code type} is among them (or after the timeout). */
    static List<JsonPath> about(UUID subject, String type, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServer.HOST + ":" + LocalServer.KAFKA.port());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "user-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonPath> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TestRun.ID + "." + Topics.USER_EVENTS));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && found.stream().noneMatch(e -> type.equals(e.getString("type")))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (subject.toString().equals(record.key())) {
                        found.add(new JsonPath(record.value()));
                    }
                }
            }
        }
        return found;
    }
}

package io.mall.user;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.mall.contracts.Topics;
import io.mall.testing.TestKafka;
import io.restassured.path.json.JsonPath;

/** Reads what the service published on this run's {@code user.events}, straight from Kafka. */
final class UserEvents {

    private UserEvents() {
    }

    /** The envelopes about {@code subject}, in order, once {@code type} is among them (or after the timeout). */
    static List<JsonPath> about(UUID subject, String type, Duration timeout) {
        return TestKafka.read(Topics.USER_EVENTS, subject.toString(),
                values -> values.stream().anyMatch(value -> type.equals(new JsonPath(value).getString("type"))), timeout)
                .stream().map(JsonPath::new).toList();
    }
}

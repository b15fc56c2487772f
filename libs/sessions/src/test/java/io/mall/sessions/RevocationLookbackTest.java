package io.mall.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RevocationLookbackTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final TopicPartition busy = new TopicPartition("user.events", 0);
    private final TopicPartition quiet = new TopicPartition("user.events", 1);

    @Test
    void readingStartsAtTheFirstEventOfTheLookbackAndAtTheEndWhereThereIsNone() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.LATEST) {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times) {
                assertThat(times).containsEntry(busy, NOW.minus(Duration.ofMinutes(20)).toEpochMilli());
                java.util.HashMap<TopicPartition, OffsetAndTimestamp> found = new java.util.HashMap<>();
                found.put(busy, new OffsetAndTimestamp(42, times.get(busy)));
                found.put(quiet, null);
                return found;
            }
        };
        consumer.assign(List.of(busy, quiet));
        consumer.updateEndOffsets(Map.of(busy, 100L, quiet, 7L));

        new RevocationLookback(Duration.ofMinutes(20), Clock.fixed(NOW, ZoneOffset.UTC))
                .onPartitionsAssigned(consumer, List.of(busy, quiet));

        assertThat(consumer.position(busy)).isEqualTo(42);
        assertThat(consumer.position(quiet)).isEqualTo(7);
    }
}

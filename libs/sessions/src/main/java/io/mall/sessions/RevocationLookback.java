package io.mall.sessions;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Starts reading revocations from {@code mall.sessions.lookback} ago: a revocation older than the
 * longest access-token lifetime refuses nothing any more, and every younger one must be known, also
 * to a replica that starts now. Runs on the consumer's own polling thread, where its blocking
 * lookups belong.
 */
@ApplicationScoped
@Identifier(SessionRevocations.CHANNEL)
public class RevocationLookback implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(RevocationLookback.class);

    private final Duration lookback;
    private final Clock clock;

    @Inject
    RevocationLookback(@ConfigProperty(name = "mall.sessions.lookback", defaultValue = "PT20M") Duration lookback) {
        this(lookback, Clock.systemUTC());
    }

    RevocationLookback(Duration lookback, Clock clock) {
        this.lookback = lookback;
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long since = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = found.get(partition);
            if (first != null) {
                consumer.seek(partition, first.offset());
            } else {
                // nothing written since then: only what comes next matters
                consumer.seekToEnd(java.util.List.of(partition));
            }
        }
        LOG.debugf("reading session revocations since %s on %s", java.time.Instant.ofEpochMilli(since), partitions);
    }
}

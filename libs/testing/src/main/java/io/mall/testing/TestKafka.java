package io.mall.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** This run's topics on the local Kafka ({@code <run id>.<topic>}), written and read as a test's other party. */
public final class TestKafka {

    private TestKafka() {
    }

    /** The name a topic has in this test run. */
    public static String topic(String name) {
        return TestRun.ID + "." + name;
    }

    /** Where a record was written. */
    public record Written(int partition, long offset) {
    }

    /** Sends a record and says where it was written. */
    public static Written send(String topic, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServer.HOST + ":" + LocalServer.KAFKA.port());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            var written = producer.send(new ProducerRecord<>(topic(topic), key, value)).get();
            return new Written(written.partition(), written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic(topic), e.getCause());
        }
    }

    /**
     * The values of the topic's records with this key, from the beginning, read until {@code done}
     * holds for them or the time is up (then whatever was read).
     */
    public static List<String> read(String topic, String key, Predicate<List<String>> done, Duration timeout) {
        return records(topic, key, records -> done.test(values(records)), timeout).stream().map(ConsumerRecord::value).toList();
    }

    /** As {@link #read}, but the whole records, headers included. */
    public static List<ConsumerRecord<String, String>> records(String topic, String key,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServer.HOST + ":" + LocalServer.KAFKA.port());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic(topic)));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !done.test(found)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The values {@code consumer} dead-lettered to {@code <topic>.dlq} with this key (several
     * consumers may read one topic, each dead-letters on its own), once {@code expected} are there
     * or the time is up.
     */
    public static List<String> deadLetters(String topic, String key, String consumer, int expected, Duration timeout) {
        Predicate<ConsumerRecord<String, String>> byConsumer = record -> {
            var header = record.headers().lastHeader("dead-letter-consumer");
            return header != null && consumer.equals(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        };
        return records(topic + ".dlq", key, found -> found.stream().filter(byConsumer).count() >= expected, timeout).stream()
                .filter(byConsumer).map(ConsumerRecord::value).toList();
    }

    /**
     * The offset a consumer group has committed on one partition of a topic (the next record it
     * will read after a restart), or -1 when it has committed none.
     */
    public static long committedOffset(String group, String topic, int partition) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServer.HOST + ":" + LocalServer.KAFKA.port());
        try (Admin admin = Admin.create(config)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic(topic), partition));
            return committed == null ? -1 : committed.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of " + group, e.getCause());
        }
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}

package io.mall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./mall bench payment}: card charges through {@code payment.commands}, as the order saga
 * sends them, at a fixed rate (open model: a slow service cannot slow the load down), against the
 * running payment service and its sandbox gateway. Each command's latency runs from its send to
 * the {@code payment.captured} about its order on {@code payment.events}. Writes {@code summary.md}
 * and {@code latencies.tsv} (per second: sent, captured, p50/p95/p99) into {@code --out}.
 *
 * <p>{@code -Drate=500 -Dseconds=60 -Dwarmup=10} (the warm-up is sent at the same rate and left
 * out of the figures), {@code -Dkafka=127.0.0.1:9092}, {@code -Dpayment=http://127.0.0.1:8084}.
 */
public final class PaymentBench {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");

    private final int rate = Integer.parseInt(System.getProperty("rate", "500"));
    private final Duration length = Duration.ofSeconds(Long.parseLong(System.getProperty("seconds", "60")));
    private final Duration warmup = Duration.ofSeconds(Long.parseLong(System.getProperty("warmup", "10")));
    private final String kafka = System.getProperty("kafka", "127.0.0.1:9092");
    private final String payment = System.getProperty("payment", "http://127.0.0.1:8084");

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> measured = new ConcurrentHashMap<>();
    private final List<long[]> captured = Collections.synchronizedList(new ArrayList<>()); // {second, micros}
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger sentMeasured = new AtomicInteger();
    private final AtomicLong startNanos = new AtomicLong();
    private final AtomicLong lastMeasuredCapture = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String out = null;
        String command = "./mall bench payment";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = args[i + 1];
                case "--command" -> command = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out <folder> is required");
        }
        new PaymentBench().run(Path.of(out), command);
    }

    private void run(Path out, String command) throws Exception {
        List<String> tokens = tokens(16);
        Instant started = Instant.now();
        try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // settle the positions before the first command is sent

            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
            long total = (warmup.toSeconds() + length.toSeconds()) * rate;
            AtomicLong sent = new AtomicLong();
            startNanos.set(System.nanoTime());
            long warmupEnds = startNanos.get() + warmup.toNanos();
            // every 10 ms, the commands due by then: a fixed arrival rate
            sender.scheduleAtFixedRate(() -> {
                long due = Math.min(total, (System.nanoTime() - startNanos.get()) * rate / 1_000_000_000L);
                while (sent.get() < due) {
                    long n = sent.getAndIncrement();
                    String order = UUID.randomUUID().toString();
                    long now = System.nanoTime();
                    sentAt.put(order, now);
                    if (now >= warmupEnds) {
                        measured.put(order, true);
                        sentMeasured.incrementAndGet();
                    }
                    producer.send(new ProducerRecord<>("payment.commands", order, charge(order, tokens.get((int) (n % tokens.size())))));
                }
            }, 0, 10, TimeUnit.MILLISECONDS);

            long deadline = startNanos.get() + warmup.toNanos() + length.toNanos() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && (sent.get() < total || !sentAt.isEmpty())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    answered(record.value(), System.nanoTime());
                }
            }
            sender.shutdownNow();
        }
        write(out, command, started);
    }

    /** The partitions of payment.events; asking for them creates the topic on a fresh broker, so ask until they are there. */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor("payment.events")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            if (!partitions.isEmpty()) {
                return partitions;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("payment.events has no partitions on the broker");
    }

    private void answered(String value, long now) {
        Matcher type = TYPE.matcher(value);
        Matcher subject = SUBJECT.matcher(value);
        if (!type.find() || !subject.find()) {
            return;
        }
        String order = subject.group(1);
        Long sent = sentAt.remove(order);
        if (sent == null) {
            return;
        }
        if (type.group(1).equals("payment.failed")) {
            failed.incrementAndGet();
        } else if (type.group(1).equals("payment.captured") && measured.containsKey(order)) {
            captured.add(new long[] { (now - startNanos.get()) / 1_000_000_000L, (now - sent) / 1_000 });
            lastMeasuredCapture.accumulateAndGet(now, Math::max);
        }
    }

    private void write(Path out, String command, Instant started) throws IOException {
        Files.createDirectories(out);
        List<long[]> all = new ArrayList<>(captured);
        List<Long> micros = new ArrayList<>(all.stream().map(entry -> entry[1]).toList());
        Collections.sort(micros);
        long firstSecond = warmup.toSeconds();
        long lastSecond = all.stream().mapToLong(entry -> entry[0]).max().orElse(firstSecond);
        // from the first measured command's send to the last measured capture: a service that keeps
        // up scores the offered rate, less its last answer's latency
        double seconds = Math.max(1, (lastMeasuredCapture.get() - startNanos.get() - warmup.toNanos()) / 1e9);
        StringBuilder tsv = new StringBuilder("second\tcaptured\tp50_ms\tp95_ms\tp99_ms\n");
        for (long second = firstSecond; second <= lastSecond; second++) {
            long s = second;
            List<Long> in = new ArrayList<>(all.stream().filter(entry -> entry[0] == s).map(entry -> entry[1]).toList());
            Collections.sort(in);
            tsv.append(second - firstSecond).append('\t').append(in.size()).append('\t').append(ms(percentile(in, 50)))
                    .append('\t').append(ms(percentile(in, 95))).append('\t').append(ms(percentile(in, 99))).append('\n');
        }
        Files.writeString(out.resolve("latencies.tsv"), tsv);
        int missing = sentMeasured.get() - micros.size() - failed.get();
        String md = """
                # payment · %s

                %s

                - Command: `%s`
                - Machine: %d cores, %,d MiB memory, %s %s
                - Load: %,d card charges per second on `payment.commands` (open model), %d s measured after a %d s warm-up at the same rate
                - Gateway: the built-in sandbox (test card 4242 4242 4242 4242), every charge captured at once

                | | commands | captured | failed | unanswered | captures/s | p50 ms | p95 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | charge → `payment.captured` | %,d | %,d | %d | %d | %.1f | %s | %s | %s | %s |

                Latency runs from sending the command to reading the `payment.captured` event about its order
                (both through the local Kafka broker); captures/s counts from the first measured command to
                the last measured capture. Per second: `latencies.tsv`.
                """.formatted(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started),
                missing == 0 && failed.get() == 0 ? "Every measured charge was captured." : "Not every charge was captured: see the table.",
                command, Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                rate, length.toSeconds(), warmup.toSeconds(),
                sentMeasured.get(), micros.size(), failed.get(), Math.max(0, missing), micros.size() / seconds,
                ms(percentile(micros, 50)), ms(percentile(micros, 95)), ms(percentile(micros, 99)),
                ms(micros.isEmpty() ? -1 : micros.get(micros.size() - 1)));
        Files.writeString(out.resolve("summary.md"), md);
        System.out.println(md);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String ms(long micros) {
        return micros < 0 ? "-" : String.format("%.1f", micros / 1000.0);
    }

    private String charge(String order, String token) {
        return """
                {"id":"%s","type":"payment.charge","source":"order","time":"%s","subject":"%s","traceparent":null,
                 "data":{"orderId":"%s","userId":"%s","amountMinor":25900,"currency":"KRW","method":"CARD","cardToken":"%s",
                 "savedCardId":null,"saveCard":false,"returnUrl":null,"authoriseOnly":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), order, order, UUID.randomUUID(), token);
    }

    /** Card tokens from the sandbox's card form, as a shopper's browser gets them. */
    private List<String> tokens(int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(payment + "/api/v1/payments/sandbox/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":"
                            + (java.time.Year.now().getValue() + 3) + ",\"cvc\":\"123\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
            if (answer.statusCode() != 201 || !token.find()) {
                throw new IllegalStateException("the payment service's sandbox gave no card token: " + answer.statusCode() + " " + answer.body());
            }
            tokens.add(token.group(1));
        }
        return tokens;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(config);
    }
}

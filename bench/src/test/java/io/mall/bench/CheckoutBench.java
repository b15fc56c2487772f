package io.mall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./mall bench checkout}: orders placed over HTTP at a fixed rate (open model) by signed-in
 * shoppers with their own addresses and sandbox cards, against the running Mall; the saga runs for
 * real (product reserves, payment charges, shipping labels). Each order's placement latency is its
 * 202; its placed → paid latency runs from sending the placement to reading the order's
 * {@code order.confirmed} on {@code order.events}. Writes {@code summary.md} and
 * {@code latencies.tsv} into {@code --out}.
 *
 * <p>{@code -Drate=300 -Dseconds=60 -Dwarmup=10 -Dshoppers=40 -Dskus=40}; the administrator's
 * {@code -Dadmin.email} and {@code -Dadmin.password} (to give the SKUs stock enough); services on
 * their local ports ({@code -Duser=... -Dproduct=... -Dorder=... -Dshipping=... -Dpayment=...}).
 */
public final class CheckoutBench {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    private final int rate = Integer.parseInt(System.getProperty("rate", "300"));
    private final Duration length = Duration.ofSeconds(Long.parseLong(System.getProperty("seconds", "60")));
    private final Duration warmup = Duration.ofSeconds(Long.parseLong(System.getProperty("warmup", "10")));
    private final int shopperCount = Integer.parseInt(System.getProperty("shoppers", "40"));
    private final int skuCount = Integer.parseInt(System.getProperty("skus", "40"));
    private final String kafka = System.getProperty("kafka", "127.0.0.1:9092");
    private final String user = System.getProperty("user", "http://127.0.0.1:8081");
    private final String product = System.getProperty("product", "http://127.0.0.1:8082");
    private final String order = System.getProperty("order", "http://127.0.0.1:8083");
    private final String payment = System.getProperty("payment", "http://127.0.0.1:8084");
    private final String shipping = System.getProperty("shipping", "http://127.0.0.1:8085");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A signed-in shopper with an address and a card. */
    private record Shopper(String token, String addressId, String card) {
    }

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> confirmedBeforeAnswer = new ConcurrentHashMap<>();
    private final Map<String, Boolean> measured = new ConcurrentHashMap<>();
    private final List<long[]> paid = Collections.synchronizedList(new ArrayList<>()); // {second, micros}
    private final List<Long> placements = Collections.synchronizedList(new ArrayList<>()); // micros of measured 202s
    private final AtomicInteger refused = new AtomicInteger();
    /** Why placements were refused: an HTTP status, or the client's failure. */
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger failedOrders = new AtomicInteger();
    private final AtomicInteger sentMeasured = new AtomicInteger();
    private final AtomicLong startNanos = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String out = null;
        String command = "./mall bench checkout";
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
        new CheckoutBench().run(Path.of(out), command);
    }

    private void run(Path out, String command) throws Exception {
        List<String> skus = stockedSkus();
        List<Shopper> shoppers = shoppers();
        System.out.printf("checkout bench: %d shoppers, %d SKUs; %d orders/s for %d s after %d s of warm-up%n", shoppers.size(), skus.size(),
                rate, length.toSeconds(), warmup.toSeconds());
        Instant started = Instant.now();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
            long total = (warmup.toSeconds() + length.toSeconds()) * rate;
            AtomicLong sent = new AtomicLong();
            startNanos.set(System.nanoTime());
            long warmupEnds = startNanos.get() + warmup.toNanos();
            sender.scheduleAtFixedRate(() -> {
                long due = Math.min(total, (System.nanoTime() - startNanos.get()) * rate / 1_000_000_000L);
                while (sent.get() < due) {
                    long n = sent.getAndIncrement();
                    place(shoppers.get((int) (n % shoppers.size())), skus.get((int) (n % skus.size())), System.nanoTime() >= warmupEnds);
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

    private void place(Shopper shopper, String sku, boolean measure) {
        String body = """
                {"lines":[{"sku":"%s","quantity":1}],"addressId":"%s","shippingOption":"STANDARD",
                 "payment":{"method":"CARD","cardToken":"%s"}}""".formatted(sku, shopper.addressId(), shopper.card());
        long sentNanos = System.nanoTime();
        if (measure) {
            sentMeasured.incrementAndGet();
        }
        http.sendAsync(HttpRequest.newBuilder(URI.create(order + "/api/v1/orders")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + shopper.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    Matcher id = response == null ? null : ORDER_ID.matcher(response.body());
                    if (failure != null || response.statusCode() != 202 || !id.find()) {
                        refused.incrementAndGet();
                        String why = failure != null ? failure.getClass().getSimpleName() : String.valueOf(response.statusCode());
                        if (refusals.computeIfAbsent(why, ignored -> new AtomicInteger()).incrementAndGet() == 1 && response != null) {
                            System.out.println("first refusal " + why + ": " + response.body());
                        }
                        return;
                    }
                    String orderId = id.group(1);
                    if (measure) {
                        placements.add((now - sentNanos) / 1_000);
                        measured.put(orderId, true);
                    }
                    Long confirmed = confirmedBeforeAnswer.remove(orderId);
                    if (confirmed != null) {
                        record(orderId, sentNanos, confirmed);
                    } else {
                        sentAt.put(orderId, sentNanos);
                    }
                });
    }

    private void answered(String value, long now) {
        Matcher type = TYPE.matcher(value);
        Matcher subject = SUBJECT.matcher(value);
        if (!type.find() || !subject.find()) {
            return;
        }
        String orderId = subject.group(1);
        String what = type.group(1);
        if (what.equals("order.failed") || what.equals("order.cancelled")) {
            if (sentAt.remove(orderId) != null) {
                failedOrders.incrementAndGet();
            }
            return;
        }
        if (!what.equals("order.confirmed")) {
            return;
        }
        Long sent = sentAt.remove(orderId);
        if (sent == null) {
            // the 202 has not been read yet
            confirmedBeforeAnswer.put(orderId, now);
            return;
        }
        record(orderId, sent, now);
    }

    private void record(String orderId, long sent, long confirmed) {
        if (measured.containsKey(orderId)) {
            paid.add(new long[] { (confirmed - startNanos.get()) / 1_000_000_000L, (confirmed - sent) / 1_000 });
        }
    }

    /** SKUs of the catalog, each given stock enough for the whole run. */
    private List<String> stockedSkus() throws Exception {
        String admin = signIn(required("admin.email"), required("admin.password"));
        String page = get(product + "/api/v1/products?size=" + skuCount, null);
        List<String> skus = new ArrayList<>();
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
        while (ids.find() && skus.size() < skuCount) {
            Matcher sku = Pattern.compile("\"sku\"\\s*:\\s*\"([^\"]+)\"").matcher(get(product + "/api/v1/products/" + ids.group(1), null));
            if (sku.find()) {
                String found = sku.group(1);
                post(product + "/api/v1/inventory/" + URLEncoder.encode(found, StandardCharsets.UTF_8) + "/adjustments", admin,
                        "{\"delta\":1000000,\"reason\":\"checkout benchmark\"}", 200);
                skus.add(found);
            }
        }
        if (skus.isEmpty()) {
            throw new IllegalStateException("the catalog is empty: run ./mall demo first");
        }
        return skus;
    }

    private List<Shopper> shoppers() throws Exception {
        List<Shopper> shoppers = new ArrayList<>();
        String stem = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < shopperCount; i++) {
            String email = "bench-" + stem + "-" + i + "@mall.local";
            String password = "bench-password-" + stem;
            post(user + "/api/v1/users", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"벤치 " + i + "\"}",
                    201);
            String token = signIn(email, password);
            String address = field(post(shipping + "/api/v1/addresses", token, """
                    {"recipientName":"벤치","phone":"010-1234-5678","country":"KR","postalCode":"06236","line1":"서울특별시 강남구 테헤란로 152"}""",
                    201), "id");
            String card = field(post(payment + "/api/v1/payments/sandbox/tokens", null, "{\"number\":\"4242424242424242\",\"expMonth\":12,"
                    + "\"expYear\":" + (java.time.Year.now().getValue() + 3) + ",\"cvc\":\"123\"}", 201), "token");
            shoppers.add(new Shopper(token, address, card));
        }
        return shoppers;
    }

    private String signIn(String email, String password) throws Exception {
        return field(post(user + "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200),
                "accessToken");
    }

    private String get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String post(String url, String token, String body, int expected) throws Exception {
        // a key of its own for every request (stock adjustments need one; the rest ignore it)
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor("order.events")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            if (!partitions.isEmpty()) {
                return partitions;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("order.events has no partitions on the broker");
    }

    private void write(Path out, String command, Instant started) throws IOException {
        Files.createDirectories(out);
        List<long[]> all = new ArrayList<>(paid);
        List<Long> micros = new ArrayList<>(all.stream().map(entry -> entry[1]).toList());
        Collections.sort(micros);
        List<Long> accepted = new ArrayList<>(placements);
        Collections.sort(accepted);
        long firstSecond = warmup.toSeconds();
        long lastSecond = all.stream().mapToLong(entry -> entry[0]).max().orElse(firstSecond);
        double seconds = Math.max(1, lastSecond - firstSecond + 1);
        StringBuilder tsv = new StringBuilder("second\tpaid\tp50_ms\tp95_ms\tp99_ms\n");
        for (long second = firstSecond; second <= lastSecond; second++) {
            long s = second;
            List<Long> in = new ArrayList<>(all.stream().filter(entry -> entry[0] == s).map(entry -> entry[1]).toList());
            Collections.sort(in);
            tsv.append(second - firstSecond).append('\t').append(in.size()).append('\t').append(ms(percentile(in, 50)))
                    .append('\t').append(ms(percentile(in, 95))).append('\t').append(ms(percentile(in, 99))).append('\n');
        }
        Files.writeString(out.resolve("latencies.tsv"), tsv);
        int unanswered = sentMeasured.get() - micros.size() - failedOrders.get() - refused.get();
        String md = """
                # checkout · %s

                %s

                - Command: `%s`
                - Machine: %d cores, %,d MiB memory, %s %s; every service, the stores and this harness on it
                - Load: %,d orders placed per second (open model) by %d signed-in shoppers over %d SKUs, one line each, card
                  (sandbox gateway), standard shipping; %d s measured after a %d s warm-up at the same rate
                - Each placement reads the product service's prices, the shopper's address and a shipping quote; the saga then
                  reserves stock (product), charges (payment) and labels the parcel (shipping), all over Kafka

                | | placed | paid | failed | refused | unanswered | paid/s | p50 ms | p95 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | placed → `order.confirmed` | %,d | %,d | %d | %d | %d | %.1f | %s | %s | %s | %s |
                | placement (202) | %,d | | | | | | %s | %s | %s | %s |

                Placed → paid runs from sending the placement to reading the order's `order.confirmed` (the order is paid) on
                `order.events`. Refused: a placement not answered 202 (%s). Per second: `latencies.tsv`.
                """.formatted(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started),
                unanswered <= 0 && failedOrders.get() == 0 && refused.get() == 0 ? "Every measured order was paid."
                        : "Not every order was paid: see the table.",
                command, Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                rate, shopperCount, skuCount, length.toSeconds(), warmup.toSeconds(),
                sentMeasured.get(), micros.size(), failedOrders.get(), refused.get(), Math.max(0, unanswered), micros.size() / seconds,
                ms(percentile(micros, 50)), ms(percentile(micros, 95)), ms(percentile(micros, 99)),
                ms(micros.isEmpty() ? -1 : micros.get(micros.size() - 1)),
                accepted.size(), ms(percentile(accepted, 50)), ms(percentile(accepted, 95)), ms(percentile(accepted, 99)),
                ms(accepted.isEmpty() ? -1 : accepted.get(accepted.size() - 1)), refusals.isEmpty() ? "none" : refusals.toString());
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

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }
}

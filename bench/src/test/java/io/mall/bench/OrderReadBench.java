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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./mall bench orders}: an order's page ({@code GET /api/v1/orders/{id}}, folded from its
 * events) and a shopper's history ({@code GET /api/v1/orders}, the read model) at a fixed rate,
 * with {@code -Dorders} orders stored (seeded straight into the order service's tables by
 * {@code bench/sql/seed-orders.sql}; {@code -Dfresh=true} empties them first). Run it with 1,000
 * and with 1,000,000 to see whether the reads stay as fast. {@code -Drate=200 -Dseconds=30 -Dwarmup=10}.
 */
public final class OrderReadBench {

    private final int rate = Integer.parseInt(System.getProperty("rate", "200"));
    private final Duration length = Duration.ofSeconds(Long.parseLong(System.getProperty("seconds", "30")));
    private final Duration warmup = Duration.ofSeconds(Long.parseLong(System.getProperty("warmup", "10")));
    private final long orders = Long.parseLong(System.getProperty("orders", "1000"));
    private final boolean fresh = Boolean.parseBoolean(System.getProperty("fresh", "false"));
    private final String user = System.getProperty("user", "http://127.0.0.1:8081");
    private final String order = System.getProperty("order", "http://127.0.0.1:8083");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Long> lookups = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> histories = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String out = null;
        String command = "./mall bench orders";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = args[i + 1];
                case "--command" -> command = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new OrderReadBench().run(Path.of(out), command);
    }

    private void run(Path out, String command) throws Exception {
        String token = shopper();
        String owner = subject(token);
        if (fresh) {
            psql("-c", "TRUNCATE order_events, order_snapshots, orders, order_lines, payment_instructions");
        }
        psql("-v", "owner=" + owner, "-v", "n=" + orders, "-f", Path.of("bench/sql/seed-orders.sql").toAbsolutePath().toString());
        long stored = Long.parseLong(psql("-tA", "-c", "SELECT count(*) FROM orders").strip());
        List<String> mine = List.of(psql("-tA", "-c", "SELECT order_id FROM orders WHERE user_id = '" + owner + "' LIMIT 100").strip()
                .split("\n")).stream().filter(id -> !id.isBlank()).toList();
        if (mine.size() != 100) {
            throw new IllegalStateException("the shopper should own 100 seeded orders, not " + mine.size());
        }
        System.out.printf("orders bench: %,d orders stored, %d of them the shopper's; %d reads/s for %d s after %d s%n", stored, mine.size(),
                rate, length.toSeconds(), warmup.toSeconds());

        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        long total = (warmup.toSeconds() + length.toSeconds()) * rate;
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long warmupEnds = start + warmup.toNanos();
        AtomicInteger pending = new AtomicInteger();
        sender.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                boolean history = n % 2 == 1;
                String path = history ? "/api/v1/orders?page=" + (n / 2 % 5) + "&size=20" : "/api/v1/orders/" + mine.get((int) (n / 2 % mine.size()));
                boolean measure = System.nanoTime() >= warmupEnds;
                long began = System.nanoTime();
                pending.incrementAndGet();
                http.sendAsync(HttpRequest.newBuilder(URI.create(order + path)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                            pending.decrementAndGet();
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else if (measure) {
                                (history ? histories : lookups).add((System.nanoTime() - began) / 1_000);
                            }
                        });
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        while (sent.get() < total || pending.get() > 0) {
            Thread.sleep(100);
        }
        sender.shutdownNow();
        write(out, command, stored);
    }

    private void write(Path out, String command, long stored) throws IOException {
        Files.createDirectories(out);
        List<Long> lookup = new ArrayList<>(lookups);
        List<Long> history = new ArrayList<>(histories);
        Collections.sort(lookup);
        Collections.sort(history);
        String md = """
                # orders · %s · %,d stored

                - Command: `%s`
                - Machine: %d cores, %,d MiB memory, %s %s; every service, the stores and this harness on it
                - Load: %,d reads per second (open model), half an order's page, half a page of the shopper's history;
                  %d s measured after %d s at the same rate; %d errors

                | read | requests | p50 ms | p95 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|
                | `GET /api/v1/orders/{id}` (folded from its events) | %,d | %s | %s | %s | %s |
                | `GET /api/v1/orders?page=&size=20` (the read model) | %,d | %s | %s | %s | %s |
                """.formatted(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now()), stored,
                command, Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rate, length.toSeconds(), warmup.toSeconds(),
                errors.get(), lookup.size(), ms(percentile(lookup, 50)), ms(percentile(lookup, 95)), ms(percentile(lookup, 99)),
                ms(lookup.isEmpty() ? -1 : lookup.get(lookup.size() - 1)), history.size(), ms(percentile(history, 50)),
                ms(percentile(history, 95)), ms(percentile(history, 99)), ms(history.isEmpty() ? -1 : history.get(history.size() - 1)));
        Files.writeString(out.resolve("summary.md"), md);
        System.out.println(md);
    }

    private String shopper() throws Exception {
        String email = "bench-reader-" + UUID.randomUUID().toString().substring(0, 8) + "@mall.local";
        String password = "bench-reader-password";
        post(user + "/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"reader\"}", 201);
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(post(user + "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200));
        if (!token.find()) {
            throw new IllegalStateException("no access token");
        }
        return token.group(1);
    }

    private static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
        if (!sub.find()) {
            throw new IllegalStateException("the token names no subject");
        }
        return sub.group(1);
    }

    private String post(String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Runs psql on the order service's database (its development credentials) and answers what it printed. */
    private static String psql(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "mall_order", "-d", "mall_order", "-v", "ON_ERROR_STOP=1", "-q"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getProperty("order.db.password", "mall_order"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql " + String.join(" ", args) + " failed: " + output);
        }
        return output;
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
}

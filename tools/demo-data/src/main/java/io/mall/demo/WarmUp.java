package io.mall.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The last step of {@code ./mall up}: a few seconds of a shopper's reads and cart changes straight
 * at the services, so that their JIT has compiled the hot paths and their pools hold connections
 * before anyone else arrives. Cold, the services answered the first minute of 100 journeys/s with
 * second-long waits and 503s (the cart's product lookups timing out, sign-ins past the bcrypt
 * queue); warm, the same load had no errors. A warm-up account of its own (made the first time)
 * acts as the shopper, so no one's data is touched.
 */
public final class WarmUp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUERIES = List.of("운동화", "티셔츠", "가방", "모자", "셔츠", "바지", "신발", "원피스",
            "shoes", "bag", "shirt", "jacket");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String users;
    private final String catalog;
    private final String carts;
    private final String email;
    private final String password;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, AtomicInteger> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> productIds = new ArrayList<>();
    private final List<String> skus = new ArrayList<>();

    private WarmUp(Map<String, String> options) {
        this.users = options.getOrDefault("users", "http://127.0.0.1:8081");
        this.catalog = options.getOrDefault("catalog", "http://127.0.0.1:8082");
        this.carts = options.getOrDefault("carts", "http://127.0.0.1:8086");
        this.email = options.getOrDefault("email", "warm-up@mall.local");
        this.password = options.getOrDefault("password", System.getenv("MALL_WARM_UP_PASSWORD"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (options.get("password") == null && System.getenv("MALL_WARM_UP_PASSWORD") == null) {
            throw new IllegalArgumentException("the warm-up account's password: MALL_WARM_UP_PASSWORD or --password; "
                    + "options [--seconds 20] [--threads 16] [--users URL] [--catalog URL] [--carts URL]");
        }
        Duration length = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
        new WarmUp(options).run(length, threads);
    }

    private void run(Duration length, int threads) throws Exception {
        JsonNode listing = get(catalog + "/api/v1/products?size=100", null, null);
        listing.path("items").forEach(item -> productIds.add(item.path("id").asText()));
        if (productIds.isEmpty()) {
            System.out.println("warm-up: the catalog is empty; nothing to warm");
            return;
        }
        for (String id : productIds.subList(0, Math.min(20, productIds.size()))) {
            // only what is in stock: a cart refuses more than there is
            get(catalog + "/api/v1/products/" + id, null, null).path("variants").forEach(variant -> {
                if (variant.path("available").asInt() >= 10) {
                    skus.add(variant.path("sku").asText());
                }
            });
        }
        // one session per thread, opened one after another: parallel sign-ins of one account are throttled
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sessions.add(signIn());
        }
        if (skus.isEmpty()) {
            System.out.println("warm-up: nothing in stock among the first products; nothing to warm");
            return;
        }
        // one thread also signs in again and again (sign-ins warm bcrypt and the session's writes)
        sessions.get(0).signsIn = true;
        long until = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Session session : sessions) {
            pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        shopOnce(session);
                    } catch (Exception e) {
                        refused.incrementAndGet();
                        refusals.computeIfAbsent(String.valueOf(e.getMessage()).replaceAll("[0-9a-f-]{8,}", "…")
                                .lines().findFirst().orElse("?"), why -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        System.out.printf("warm-up: %,d requests in %d s (%d not answered 2xx)%n", requests.get(), length.toSeconds(), refused.get());
        refusals.entrySet().stream().sorted((a, b) -> b.getValue().get() - a.getValue().get()).limit(3)
                .forEach(why -> System.out.printf("  %d × %s%n", why.getValue().get(), why.getKey()));
    }

    private void shopOnce(Session session) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (session.signsIn && random.nextInt(3) == 0) {
            Session again = signIn();
            session.access = again.access;
            session.refresh = again.refresh;
            return;
        }
        String sku = skus.get(random.nextInt(skus.size()));
        int pick = random.nextInt(100);
        if (pick < 30) {
            get(catalog + "/api/v1/products/" + productIds.get(random.nextInt(productIds.size())), null, null);
        } else if (pick < 55) {
            String query = URLEncoder.encode(QUERIES.get(random.nextInt(QUERIES.size())), StandardCharsets.UTF_8);
            get(catalog + "/api/v1/products?q=" + query + "&size=" + (10 + random.nextInt(20)) + "&page=" + random.nextInt(3), null, null);
        } else if (pick < 65) {
            send("POST", carts + "/api/v1/cart/lines", session.access, null, Map.of("sku", sku, "quantity", 1));
            send("PUT", carts + "/api/v1/cart/lines/" + sku, session.access, null, Map.of("quantity", 1));
        } else if (pick < 75) {
            get(carts + "/api/v1/cart", session.access, null);
        } else if (pick < 80) {
            // a guest's first add, from an address of its own (the cart service trusts this machine's forwarding)
            String address = "10.255." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            send("POST", carts + "/api/v1/cart/lines", null, address, Map.of("sku", sku, "quantity", 1));
        } else if (pick < 88) {
            get(users + "/api/v1/users/me", session.access, null);
        } else {
            JsonNode tokens = send("POST", users + "/api/v1/auth/refresh", null, null, Map.of("refreshToken", session.refresh));
            session.access = tokens.path("accessToken").asText();
            session.refresh = tokens.path("refreshToken").asText();
        }
    }

    private Session signIn() throws Exception {
        HttpResponse<String> login = exchange("POST", users + "/api/v1/auth/login", null, null,
                Map.of("email", email, "password", password));
        if (login.statusCode() == 401) {
            // the first warm-up on this machine: the account is made with the password ./mall up keeps
            send("POST", users + "/api/v1/users", null, null,
                    Map.of("email", email, "password", password, "displayName", "warm-up", "locale", "ko"));
            login = exchange("POST", users + "/api/v1/auth/login", null, null, Map.of("email", email, "password", password));
        }
        JsonNode tokens = answer(login);
        return new Session(tokens.path("accessToken").asText(), tokens.path("refreshToken").asText());
    }

    private JsonNode get(String url, String token, String forwardedFor) throws Exception {
        return send("GET", url, token, forwardedFor, null);
    }

    private JsonNode send(String method, String url, String token, String forwardedFor, Object body) throws Exception {
        return answer(exchange(method, url, token, forwardedFor, body));
    }

    private HttpResponse<String> exchange(String method, String url, String token, String forwardedFor, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        requests.incrementAndGet();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode answer(HttpResponse<String> response) throws Exception {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A thread's own signed-in session; refreshed as a shopper's is. */
    private static final class Session {
        volatile String access;
        volatile String refresh;
        volatile boolean signsIn;

        Session(String access, String refresh) {
            this.access = access;
            this.refresh = refresh;
        }
    }
}

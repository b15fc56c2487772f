package io.mall.cart;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.mall.cart.domain.SkuInfo;
import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the product service's SKU lookup, on a real local port, that tests can take
 * down or slow down to drive the cart's fallback and timeout paths. Like the product service, it
 * answers only callers with a valid service token.
 */
public class ProductStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, SkuInfo> SKUS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile HttpServer server;
    private static volatile int port;
    private static volatile long delayMillis;

    @Override
    public Map<String, String> start() {
        up();
        return Map.of("quarkus.rest-client.product.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        down();
    }

    /** Sells a SKU: price in won, so many in stock. */
    public static void sell(String sku, long price, int available) {
        SKUS.put(sku, new SkuInfo(sku, "product-of-" + sku, "Product " + sku, null, price, "KRW", available, false));
    }

    public static void archive(String sku) {
        SkuInfo info = SKUS.get(sku);
        SKUS.put(sku, new SkuInfo(sku, info.productId(), info.name(), null, info.price(), info.currency(), info.available(), true));
    }

    public static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/internal/skus", ProductStub::answer);
        server.start();
    }

    /** Stops answering at all: connections are refused. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The client id of a service token; null for any other token. */
    private static String serviceName(org.jose4j.jwt.JwtClaims claims) {
        try {
            return claims.getStringListClaimValue("groups").contains("SERVICE") ? claims.getSubject() : null;
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return null;
        }
    }

    public static void delay(long millis) {
        delayMillis = millis;
    }

    /** How many times each SKU was asked about. */
    public static final Map<String, java.util.concurrent.atomic.AtomicInteger> ASKED = new ConcurrentHashMap<>();

    public static int asked(String sku) {
        var count = ASKED.get(sku);
        return count == null ? 0 : count.get();
    }

    /** Who called with a valid token, and how many different tokens were seen (a renewal makes a new one). */
    public static final Set<String> CALLERS = ConcurrentHashMap.newKeySet();
    public static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

    private static void answer(HttpExchange exchange) throws IOException {
        // as the product service does: only a service with a valid token may look SKUs up
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        var claims = TestTokens.verified(token);
        String service = claims.map(ProductStub::serviceName).orElse(null);
        if (service == null) {
            exchange.sendResponseHeaders(claims.isEmpty() ? 401 : 403, -1);
            exchange.close();
            return;
        }
        CALLERS.add(service);
        TOKENS.add(token);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<SkuInfo> found = new ArrayList<>();
        int requested = 0;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("sku=")) {
                    requested++;
                    String sku = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                    ASKED.computeIfAbsent(sku, any -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    SkuInfo info = SKUS.get(sku);
                    if (info != null) {
                        found.add(info);
                    }
                }
            }
        }
        if (requested > 200) {
            // as the product service does: at most 200 SKUs per call
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        byte[] body = JSON.writeValueAsBytes(found);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

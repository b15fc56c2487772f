package io.mall.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.cart.domain.CartLine;
import io.mall.cart.store.CartStore;
import io.mall.testing.LocalServers;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestTokens;
import io.mall.testing.UserServiceResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A Redis with a small memory limit, as production's is (with volatile-ttl): guest carts are
 * dropped first and signed-in carts stay; when nothing is left to drop, a change is a 503 problem,
 * never a 500.
 */
@QuarkusTest
@TestProfile(FullRedisTest.SmallRedisProfile.class)
class FullRedisTest {

    private static final long LIMIT = 4L * 1024 * 1024;

    public static class SmallRedisProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmallRedis.class),
                    new TestResourceEntry(MallTestResource.class, Map.of("service", "cart", "servers", "kafka")),
                    new TestResourceEntry(ProductStub.class),
                    new TestResourceEntry(UserServiceResource.class, Map.of("client", "cart")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** A Redis server of its own, as ./mall up runs one, but with a memory limit of a few MiB. */
    public static class SmallRedis implements QuarkusTestResourceLifecycleManager {
        private static Process server;

        @Override
        public Map<String, String> start() {
            try {
                int port = LocalServers.freePort();
                Path dir = Files.createTempDirectory("mall-small-redis-");
                server = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                        "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                        "--maxmemory", String.valueOf(LIMIT), "--maxmemory-policy", "volatile-ttl")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
                for (int i = 0; i < 100; i++) {
                    try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port, "mall.redis.key-prefix", "small:");
                    } catch (IOException notYet) {
                        Thread.sleep(100);
                    }
                }
                throw new IllegalStateException("redis-server did not start on " + port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (server != null) {
                server.destroy();
                try {
                    server.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Inject
    CartStore carts;
    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void guestCartsMakeRoomForSignedInOnesAndAFullStoreIsA503() {
        String shopper = TestTokens.customer(UUID.randomUUID().toString());
        String sku = CartTest.sku(5_000, 50);
        CartTest.add(shopper, null, sku, 2).then().statusCode(200);

        // far more anonymous first adds than fit: Redis drops guest carts, writes go on working
        for (int i = 0; i < 20_000; i++) {
            carts.add(CartStore.Owner.guest("flood-" + i), new CartLine("FLOOD-" + i, "p", "Flood " + "x".repeat(200), null, 1,
                    "KRW", Instant.now()), 1).await().atMost(Duration.ofSeconds(10));
        }
        assertThat(redis.execute("INFO", "stats").await().atMost(Duration.ofSeconds(10)).toString())
                .containsPattern("evicted_keys:[1-9]");
        CartTest.cart(shopper).then().statusCode(200).body("lines[0].quantity", equalTo(2));

        // now nothing is left to drop (what never expires, such as wishlists, filled it): a 503 to retry, not a 500
        fillWithWhatNeverExpires();
        // and it stays full: the limit below what is used, whatever the connections' buffers do meanwhile
        redis.execute("CONFIG", "SET", "maxmemory", "1").await().atMost(Duration.ofSeconds(10));
        CartTest.add(null, null, sku, 1).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("mall_cart_redis_memory_used_bytes [1-9]");
    }

    private void fillWithWhatNeverExpires() {
        String block = "y".repeat(16 * 1024);
        for (int i = 0; i < 10_000; i++) {
            try {
                redis.value(String.class).set("small:ballast:" + i, block).await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException full) {
                return;
            }
        }
        throw new AssertionError("Redis never filled up");
    }
}

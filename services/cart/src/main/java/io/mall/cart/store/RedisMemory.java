package io.mall.cart.store;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * How much of its memory limit Redis uses, as the gauges {@code mall.cart.redis.memory.used} and
 * {@code mall.cart.redis.memory.max} (bytes; max 0 when unlimited), read every 15 seconds: carts
 * fail when Redis is full, so operators need to see it coming.
 */
@ApplicationScoped
public class RedisMemory {

    private static final Logger LOG = Logger.getLogger(RedisMemory.class);

    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    RedisMemory(ReactiveRedisDataSource redis, Vertx vertx, MeterRegistry registry) {
        this.redis = redis;
        this.vertx = vertx;
        Gauge.builder("mall.cart.redis.memory.used", used, AtomicLong::get).baseUnit("bytes")
                .description("memory Redis uses").register(registry);
        Gauge.builder("mall.cart.redis.memory.max", max, AtomicLong::get).baseUnit("bytes")
                .description("Redis's memory limit (0: none)").register(registry);
    }

    void start(@Observes StartupEvent started) {
        read();
        vertx.setPeriodic(15_000, id -> read());
    }

    void read() {
        redis.execute("INFO", "memory").subscribe().with(info -> {
            for (String line : info.toString().split("\r?\n")) {
                if (line.startsWith("used_memory:")) {
                    used.set(Long.parseLong(line.substring("used_memory:".length()).trim()));
                } else if (line.startsWith("maxmemory:")) {
                    max.set(Long.parseLong(line.substring("maxmemory:".length()).trim()));
                }
            }
        }, failure -> LOG.debugf("reading Redis memory: %s", failure.getMessage()));
    }
}

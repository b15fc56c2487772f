package io.mall.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Whether the Kafka broker answers, as a wellness check ({@code /q/health/well}) and the gauge
 * {@code mall.kafka.broker.up}. Deliberately not a readiness check: while the broker is away a
 * service still answers what it can, its outbox keeps what must be sent and its consumers resume
 * when the broker is back, so taking every pod out of its Service would only make the shop go dark.
 * The Kafka connector's own readiness checks are turned off for the same reason (see this
 * library's {@code microprofile-config.properties}).
 */
@ApplicationScoped
@Wellness
public class BrokerHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerHealth.class);
    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final int TIMEOUT_MS = 3_000;

    private final Map<String, Object> kafkaConfig;
    private final Vertx vertx;
    private final AtomicReference<Admin> admin = new AtomicReference<>();
    private final AtomicBoolean up = new AtomicBoolean();
    private final AtomicReference<String> detail = new AtomicReference<>("not checked yet");

    BrokerHealth(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Vertx vertx, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.vertx = vertx;
        Gauge.builder("mall.kafka.broker.up", up, state -> state.get() ? 1 : 0)
                .description("1 while the Kafka broker answers, 0 while it does not")
                .register(registry);
    }

    void start(@Observes StartupEvent started) {
        check().subscribe().with(ignored -> { });
        vertx.setPeriodic(EVERY.toMillis(), id -> check().subscribe().with(ignored -> { }));
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Kafka broker").status(up.get()).withData("broker", detail.get()).build();
    }

    /** Asks the broker for its cluster id; never fails. */
    Uni<Boolean> check() {
        return Uni.createFrom().completionStage(() -> admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                        .clusterId().toCompletionStage())
                .map(clusterId -> {
                    if (!up.getAndSet(true)) {
                        LOG.infof("Kafka broker answers (cluster %s)", clusterId);
                    }
                    detail.set("cluster " + clusterId);
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    if (up.getAndSet(false)) {
                        LOG.warnf("Kafka broker does not answer: %s", failure.getMessage());
                    }
                    detail.set("unreachable: " + failure.getMessage());
                    return false;
                });
    }

    private Admin admin() {
        Admin current = admin.get();
        if (current == null) {
            Map<String, Object> config = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-health");
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            current = Admin.create(config);
            if (!admin.compareAndSet(null, current)) {
                current.close(Duration.ZERO);
                current = admin.get();
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        Admin current = admin.getAndSet(null);
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}

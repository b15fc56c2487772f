package io.mall.shipping.store;

import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Which shipments' histories grew, from any replica: a PostgreSQL {@code LISTEN} on
 * {@link ShipmentRepository#TRACKING_CHANNEL} over a connection of its own, which reconnects when
 * lost. Each time it is (again) listening it announces {@link #ANY}, since what was committed
 * while it was not listening was not heard: live streams then read their shipment again.
 */
@ApplicationScoped
public class TrackingNotifications {

    /** Announced when notifications may have been missed: every stream reads its shipment again. */
    public static final UUID ANY = new UUID(0, 0);

    private static final Logger LOG = Logger.getLogger(TrackingNotifications.class);

    private final BroadcastProcessor<UUID> updates = BroadcastProcessor.create();
    private final PgSubscriber subscriber;
    private final Vertx vertx;

    TrackingNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url)
                .setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                // reconnect for ever, a second apart: live tracking comes back with the database
                .reconnectPolicy(attempts -> 1_000L);
        subscriber.channel(ShipmentRepository.TRACKING_CHANNEL)
                .subscribeHandler(() -> updates.onNext(ANY))
                .handler(payload -> {
                    try {
                        updates.onNext(UUID.fromString(payload));
                    } catch (IllegalArgumentException notAnId) {
                        LOG.warnf("%s: ignored a notification that names no shipment", ShipmentRepository.TRACKING_CHANNEL);
                    }
                });
    }

    void listen(@Observes StartupEvent start) {
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(connected -> LOG.debug("listening for tracking updates"), failure -> {
            // the reconnect policy covers a lost connection, not a first one that failed
            LOG.warnf("cannot listen for tracking updates yet (%s); trying again", failure.getMessage());
            vertx.setTimer(1_000, ignored -> connect());
        });
    }

    /** The ids of shipments whose history grew, and {@link #ANY} after a (re)connection. */
    public Multi<UUID> updates() {
        return updates;
    }

    @PreDestroy
    void close() {
        subscriber.close().subscribe().with(closed -> { }, failure -> { });
    }
}

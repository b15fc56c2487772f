package io.mall.notification.app;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.client.Contacts;
import io.mall.notification.store.DeliveryLog;
import io.mall.notification.store.DeviceStore;
import io.mall.notification.store.FeedStore;
import io.mall.notification.store.PreferenceStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Forgets a user whose account was erased: preferences, devices and feed go; the delivery log keeps
 * what was sent and when, without the addresses, and sends nothing more.
 */
@ApplicationScoped
public class Erasures {

    private final Pool database;
    private final PreferenceStore preferences;
    private final DeviceStore devices;
    private final FeedStore feed;
    private final DeliveryLog deliveries;
    private final Contacts contacts;
    private final Clock clock;

    Erasures(Pool database, PreferenceStore preferences, DeviceStore devices, FeedStore feed, DeliveryLog deliveries, Contacts contacts,
            Clock clock) {
        this.database = database;
        this.preferences = preferences;
        this.devices = devices;
        this.feed = feed;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Uni<Void> erase(UUID userId) {
        return database.withTransaction(connection -> preferences.erase(connection, userId)
                .chain(() -> devices.erase(connection, userId))
                .chain(() -> feed.erase(connection, userId))
                .chain(() -> deliveries.erase(connection, userId, clock.instant())))
                .invoke(() -> contacts.forget(userId));
    }
}

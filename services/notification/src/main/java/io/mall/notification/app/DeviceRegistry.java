package io.mall.notification.app;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.NotFound;
import io.mall.notification.store.DeviceStore;
import io.smallrye.mutiny.Uni;

/** The devices a user receives push notifications on. */
@ApplicationScoped
public class DeviceRegistry {

    private final DeviceStore store;
    private final Clock clock;

    DeviceRegistry(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Answers whether the device is new to the user (registering it again changes nothing). */
    public Uni<Boolean> register(UUID userId, String token, String platform) {
        return store.register(userId, token, platform, clock.instant());
    }

    /** Another user's device is as unknown as one that was never registered. */
    public Uni<Void> remove(UUID userId, String token) {
        return store.remove(userId, token).invoke(found -> {
            if (!found) {
                throw new NotFound("no such device");
            }
        }).replaceWithVoid();
    }
}

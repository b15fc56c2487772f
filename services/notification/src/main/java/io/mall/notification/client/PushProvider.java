package io.mall.notification.client;

import io.smallrye.mutiny.Uni;

/**
 * Sends push notifications; fails as {@link EmailProvider} does, and with {@link DeviceTokenInvalid}
 * for a device that is gone.
 */
public interface PushProvider {

    /** The name that chooses it in {@code mall.notification.push.provider}. */
    String name();

    Uni<Sent> send(PushMessage message);
}

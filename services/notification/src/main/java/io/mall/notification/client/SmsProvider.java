package io.mall.notification.client;

import io.smallrye.mutiny.Uni;

/** Sends text messages; fails as {@link EmailProvider} does. */
public interface SmsProvider {

    /** The name that chooses it in {@code mall.notification.sms.provider}. */
    String name();

    Uni<Sent> send(TextMessage message);
}

package io.mall.notification.client;

import io.smallrye.mutiny.Uni;

/**
 * Sends email. Fails with {@link ProviderUnavailable} for what may pass and {@link ProviderRefused}
 * for what will not; any other failure is read as unavailable.
 */
public interface EmailProvider {

    /** The name that chooses it in {@code mall.notification.email.provider}. */
    String name();

    Uni<Sent> send(Email email);
}

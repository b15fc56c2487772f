package io.mall.notification.client;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.mall.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;

/**
 * How to reach each user, as the user service said at most {@code mall.notification.contact-freshness}
 * ago. An order's notices go out on several channels within seconds, each needing the contact: asked
 * of the user service every time, they were most of its work while shoppers checked out. A changed
 * email or phone is used once the freshness has passed; an account erased is forgotten at once here
 * (its deliveries are gone too). Failures are not kept: the next delivery asks again.
 */
@ApplicationScoped
public class Contacts {

    private static final int KEPT = 10_000;

    private final UserDirectory directory;
    private final Cache<UUID, Optional<Contact>> recent;

    Contacts(UserDirectory directory, NotificationConfig config) {
        this.directory = directory;
        this.recent = Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(config.contactFreshness()).build();
    }

    public Uni<Optional<Contact>> of(UUID userId) {
        Optional<Contact> known = recent.getIfPresent(userId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return directory.contact(userId).invoke(found -> recent.put(userId, found));
    }

    public void forget(UUID userId) {
        recent.invalidate(userId);
    }
}

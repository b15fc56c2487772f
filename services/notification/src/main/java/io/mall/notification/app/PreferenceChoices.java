package io.mall.notification.app;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.domain.Category;
import io.mall.notification.domain.Channel;
import io.mall.notification.domain.Preferences;
import io.mall.notification.domain.QuietHours;
import io.mall.notification.store.PreferenceStore;
import io.smallrye.mutiny.Uni;

/** A user's notification preferences: read, and chosen (the domain checks the choice against the rules). */
@ApplicationScoped
public class PreferenceChoices {

    private final PreferenceStore store;
    private final Clock clock;

    PreferenceChoices(PreferenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Uni<Preferences> of(UUID userId) {
        return store.find(userId);
    }

    /**
     * @param channels   the categories to change, each with all its channels; others stay as they are
     * @param quietHours    {@code null} keeps the current ones
     * @param quietHoursOff turns quiet hours off
     */
    public Uni<Preferences> choose(UUID userId, Map<Category, Set<Channel>> channels, QuietHours quietHours, boolean quietHoursOff,
            String timeZone) {
        return store.change(userId, current -> current.choose(channels, quietHours, quietHoursOff, timeZone, clock.instant()), clock.instant());
    }
}

package io.mall.notification.app;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.NotFound;
import io.mall.notification.store.FeedStore;
import io.smallrye.mutiny.Uni;

/** A user's in-app feed: read, and marked read. */
@ApplicationScoped
public class Feed {

    private final FeedStore store;
    private final Clock clock;

    Feed(FeedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Uni<FeedStore.Page> page(UUID userId, int page, int size) {
        return store.page(userId, page, size);
    }

    /** Another user's entry is as unknown as one that does not exist. */
    public Uni<Void> markRead(UUID userId, UUID id) {
        return store.markRead(userId, id, clock.instant()).invoke(found -> {
            if (!found) {
                throw new NotFound("no notification " + id);
            }
        }).replaceWithVoid();
    }

    public Uni<Integer> markAllRead(UUID userId) {
        return store.markAllRead(userId, clock.instant());
    }
}

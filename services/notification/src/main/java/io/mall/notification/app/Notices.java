package io.mall.notification.app;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.notification.domain.Notice;
import io.mall.notification.domain.Trigger;
import io.mall.notification.store.DeliveryLog;
import io.mall.notification.store.OrderOwners;
import io.mall.notification.store.PreferenceStore;
import io.smallrye.mutiny.Uni;

/**
 * Takes what events say users are to be told: decides the channels by each user's preferences,
 * writes one delivery per channel into the log (an event that comes again writes nothing new), and
 * has the {@link Dispatcher} send them.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);

    /**
     * An event about an order came before the order's own {@code order.placed} (topics are read
     * independently): failing lets the consumer try again shortly, when the owner is known.
     */
    public static class OwnerNotKnownYet extends RuntimeException {

        OwnerNotKnownYet(UUID orderId) {
            super("no owner known yet for order " + orderId);
        }
    }

    private final PreferenceStore preferences;
    private final DeliveryLog deliveries;
    private final OrderOwners owners;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final java.time.Duration maxEventAge;

    Notices(PreferenceStore preferences, DeliveryLog deliveries, OrderOwners owners, Dispatcher dispatcher, Clock clock,
            io.mall.notification.NotificationConfig config) {
        this.maxEventAge = config.maxEventAge();
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.owners = owners;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Uni<Void> tell(Notice notice) {
        if (notice.tooOldAt(clock.instant(), maxEventAge)) {
            LOG.debugf("%s for %s at %s: too old to tell", notice.trigger(), notice.userId(), notice.occurredAt());
            return Uni.createFrom().voidItem();
        }
        return preferences.find(notice.userId())
                .chain(chosen -> deliveries.add(notice, notice.plan(chosen, clock.instant()), clock.instant()))
                .invoke(added -> {
                    LOG.debugf("%s for %s: %d deliveries", notice.trigger(), notice.userId(), added);
                    if (added > 0) {
                        dispatcher.nudge();
                    }
                })
                .replaceWithVoid();
    }

    /** Tells the order's owner. */
    public Uni<Void> tellOwnerOf(UUID orderId, UUID eventId, Trigger trigger, Map<String, String> facts, java.time.Instant occurredAt) {
        if (Notice.tooOld(occurredAt, clock.instant(), maxEventAge)) {
            // too old to tell: not worth waiting for its owner either
            return Uni.createFrom().voidItem();
        }
        return owners.ownerOf(orderId).chain(owner -> {
            if (owner.isEmpty()) {
                throw new OwnerNotKnownYet(orderId);
            }
            return tell(new Notice(eventId, owner.get(), trigger, facts, occurredAt));
        });
    }

    /** Learns who owns the order (every order event names its shopper). */
    public Uni<Void> learnOwner(UUID orderId, UUID userId) {
        return owners.remember(orderId, userId, clock.instant());
    }
}

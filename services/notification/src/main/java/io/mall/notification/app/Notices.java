package io.mall.notification.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.notification.NotificationConfig;
import io.mall.notification.domain.Notice;
import io.mall.notification.domain.Trigger;
import io.mall.notification.store.DeliveryLog;
import io.mall.notification.store.OrderOwners;
import io.mall.notification.store.PreferenceStore;
import io.mall.notification.store.WaitingNotices;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Takes what events say users are to be told: decides the channels by each user's preferences,
 * writes one delivery per channel into the log (an event that comes again writes nothing new), and
 * has the {@link Dispatcher} send them.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);
    private static final int SWEEP_BATCH = 200;

    private final PreferenceStore preferences;
    private final DeliveryLog deliveries;
    private final OrderOwners owners;
    private final WaitingNotices waiting;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Duration maxEventAge;
    private final Duration ownerWait;

    Notices(PreferenceStore preferences, DeliveryLog deliveries, OrderOwners owners, WaitingNotices waiting, Dispatcher dispatcher,
            Clock clock, NotificationConfig config) {
        this.maxEventAge = config.maxEventAge();
        this.ownerWait = config.ownerWait();
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.owners = owners;
        this.waiting = waiting;
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

    /**
     * Tells the order's owner. An owner not known yet (the order's {@code order.placed} comes on
     * another topic, later, or never) is waited for beside the topic, not on it: the notice is parked
     * and told when the owner is learned, so one such event never holds up those behind it.
     */
    public Uni<Void> tellOwnerOf(UUID orderId, UUID eventId, Trigger trigger, Map<String, String> facts, Instant occurredAt) {
        if (Notice.tooOld(occurredAt, clock.instant(), maxEventAge)) {
            // too old to tell: not worth waiting for its owner either
            return Uni.createFrom().voidItem();
        }
        return owners.ownerOf(orderId).chain(owner -> owner.isPresent()
                ? tell(new Notice(eventId, owner.get(), trigger, facts, occurredAt))
                : waiting.park(eventId, orderId, trigger, facts, occurredAt, clock.instant())
                        .invoke(() -> LOG.debugf("%s about order %s waits for the order's owner", trigger, orderId))
                        // the owner may have been learned while this was parked, by the other topic's consumer
                        .chain(() -> tellWaitingAbout(orderId)));
    }

    /**
     * Learns who owns the order (every order event names its shopper), and the first time tells what
     * waited for that; a notice parked after it finds the owner itself.
     */
    public Uni<Void> learnOwner(UUID orderId, UUID userId) {
        return owners.remember(orderId, userId, clock.instant())
                .chain(learned -> learned ? tellWaitingAbout(orderId) : Uni.createFrom().voidItem());
    }

    /** What a race between parking and learning left waiting is told; what waited too long is forgotten. */
    @Scheduled(every = "${mall.notification.owner-sweep-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweepWaiting() {
        return waiting.ownerKnown(SWEEP_BATCH).chain(this::tellAll)
                .chain(() -> waiting.forgetParkedBefore(clock.instant().minus(ownerWait)))
                .invoke(forgotten -> {
                    if (forgotten > 0) {
                        LOG.infof("forgot %d notices whose order's owner was not learned within %s", forgotten, ownerWait);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("waiting notices: %s (trying again later)", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    private Uni<Void> tellWaitingAbout(UUID orderId) {
        return waiting.ownerKnownAbout(orderId).chain(this::tellAll);
    }

    /** One after another: the delivery log and the removal of each are not raced. */
    private Uni<Void> tellAll(List<WaitingNotices.Waiting> notices) {
        return Multi.createFrom().iterable(notices).onItem().transformToUniAndConcatenate(this::tellWaiting).collect().last()
                .replaceWithVoid();
    }

    /** Told first, removed after: a crash between the two tells it again, and the delivery log writes nothing new. */
    private Uni<Void> tellWaiting(WaitingNotices.Waiting notice) {
        return tell(new Notice(notice.eventId(), notice.owner(), notice.trigger(), notice.facts(), notice.occurredAt()))
                .chain(() -> waiting.remove(notice.eventId()));
    }
}

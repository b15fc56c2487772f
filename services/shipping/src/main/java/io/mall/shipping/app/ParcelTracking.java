package io.mall.shipping.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.domain.NotFound;
import io.mall.shipping.ShippingConfig;
import io.mall.shipping.client.Carrier;
import io.mall.shipping.client.Carriers;
import io.mall.shipping.client.Tracking;
import io.mall.shipping.domain.CarrierReport;
import io.mall.shipping.domain.Shipment;
import io.mall.shipping.domain.TrackingEvent;
import io.mall.shipping.store.OutboxRelay;
import io.mall.shipping.store.ShipmentRepository;
import io.mall.shipping.store.TrackingNotifications;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Where parcels are: carriers' reports taken in (asked for when due, and pushed by webhooks), each
 * shipment's history, and its live stream. However often a report arrives (polling returns every
 * scan so far; a webhook may repeat), it makes one tracking event.
 */
@ApplicationScoped
public class ParcelTracking {

    /** A shipment with its history so far. */
    public record Record(Shipment shipment, List<TrackingEvent> history) {
    }

    private static final Logger LOG = Logger.getLogger(ParcelTracking.class);

    private final ShipmentRepository shipments;
    private final Shipments changes;
    private final Carriers carriers;
    private final TrackingNotifications notifications;
    private final OutboxRelay relay;
    private final ShippingConfig.Tracking config;
    private final Clock clock;

    ParcelTracking(ShipmentRepository shipments, Shipments changes, Carriers carriers, TrackingNotifications notifications,
            OutboxRelay relay, ShippingConfig config, Clock clock) {
        this.shipments = shipments;
        this.changes = changes;
        this.carriers = carriers;
        this.notifications = notifications;
        this.relay = relay;
        this.config = config.tracking();
        this.clock = clock;
    }

    /**
     * Asks the carriers about the shipments that are due: all at once, then records the answers one
     * after another (one database session). A carrier that fails is asked again when the claim's
     * lease ends.
     */
    @Scheduled(every = "${mall.shipping.tracking.poll-tick}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        Instant now = clock.instant();
        return shipments.claimDue(now, config.pollLease(), config.pollBatch())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndMerge(parcel -> carriers.named(parcel.carrier()).track(parcel.trackingNumber())
                                .map(tracking -> new Answer(parcel, tracking))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf("%s %s: not tracked now: %s", parcel.carrier(), parcel.trackingNumber(), failure.getMessage());
                                    return null;
                                }))
                        .collect().asList())
                .chain(answers -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Answer answer : answers) {
                        Instant next = answer.tracking().nextUpdateDue() != null ? answer.tracking().nextUpdateDue()
                                : clock.instant().plus(config.pollInterval());
                        all = all.chain(() -> take(answer.parcel().carrier(), answer.parcel().trackingNumber(),
                                answer.tracking().reports(), next).onFailure().invoke(failure -> LOG.warnf("%s %s: %s",
                                        answer.parcel().carrier(), answer.parcel().trackingNumber(), failure.getMessage()))
                                .onFailure().recoverWithNull().replaceWithVoid());
                    }
                    return all;
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("tracking poll: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private record Answer(ShipmentRepository.Due parcel, Tracking tracking) {
    }

    /**
     * A carrier's webhook call, verified by that carrier's adapter before anything is read.
     *
     * @return how many of its tracking numbers are shipments here (others are not ours, and ignored)
     */
    public Uni<Integer> fromWebhook(String carrierName, Map<String, String> headers, byte[] body) {
        Carrier carrier = carriers.named(carrierName);
        List<Tracking.Update> updates = carrier.webhook(headers, body);
        AtomicInteger known = new AtomicInteger();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Tracking.Update update : updates) {
            all = all.chain(() -> take(carrier.name(), update.trackingNumber(), update.reports(), null)
                    .invoke(found -> {
                        if (found) {
                            known.incrementAndGet();
                        }
                    }).replaceWithVoid());
        }
        return all.map(done -> known.get());
    }

    /**
     * Takes a carrier's reports on one parcel; {@code nextPoll}, when given, is when to ask again.
     *
     * @return whether the tracking number is one of our shipments
     */
    Uni<Boolean> take(String carrier, String trackingNumber, List<CarrierReport> reports, Instant nextPoll) {
        return Panache.withTransaction(() -> shipments.trackedLocked(carrier, trackingNumber).chain(shipment -> {
            if (shipment == null) {
                return Uni.createFrom().item(false);
            }
            List<TrackingEvent> added = shipment.record(reports, clock.instant());
            if (nextPoll != null && !shipment.status.isFinal()) {
                shipment.nextPollAt = nextPoll;
            }
            return changes.record(shipment, added).replaceWith(true);
        })).invoke(relay::nudge);
    }

    /** A shipment and its history, for {@code scope} (a shopper's id; {@code null}: staff, anyone's). */
    public Uni<Record> find(UUID scope, UUID id) {
        return Panache.withSession(() -> visible(scope, id).chain(shipment -> shipments.history(id, 0)
                .map(history -> new Record(shipment, history))));
    }

    /** The order's shipment, for {@code scope}. */
    public Uni<Record> ofOrder(UUID scope, UUID orderId) {
        return Panache.withSession(() -> shipments.ofOrder(orderId).chain(shipment -> {
            if (shipment == null || (scope != null && !shipment.belongsTo(scope))) {
                throw new NotFound("no shipment for order " + orderId);
            }
            return shipments.history(shipment.id, 0).map(history -> new Record(shipment, history));
        }));
    }

    public Uni<List<Shipment>> of(UUID shopper, int page, int size) {
        return Panache.withSession(() -> shipments.of(shopper, page, size));
    }

    /** What a live stream sends: a tracking event, or (none) a sign of life on a quiet connection. */
    public record Live(TrackingEvent event) {

        static final Live KEEP_ALIVE = new Live(null);
        static final Live END = new Live(null);

        public boolean isKeepAlive() {
            return event == null;
        }
    }

    /**
     * Whether a live stream of the shipment for {@code scope} after event {@code afterSeq} has
     * anything to send: not when the journey is over and the client has seen all of it (it is told
     * to stop reconnecting). Not found when the shipment is not the caller's to see.
     */
    public Uni<Boolean> hasMoreFor(UUID scope, UUID id, int afterSeq) {
        return Panache.withSession(() -> visible(scope, id).chain(shipment -> shipments.history(id, afterSeq)
                .map(missed -> !(shipment.status.isFinal() && missed.isEmpty()))));
    }

    /**
     * The live history of a shipment (its visibility checked by {@link #hasMoreFor}): the events
     * after {@code afterSeq}, then each new one as it is committed (on any replica), each once and
     * in order, with a keep-alive when the connection has been quiet; it ends after the journey's
     * last event (delivered, cancelled).
     */
    public Multi<Live> follow(UUID id, int afterSeq) {
        return live(id, afterSeq);
    }

    private Multi<Live> live(UUID shipmentId, int afterSeq) {
        AtomicInteger sent = new AtomicInteger(afterSeq);
        // read at once, whenever the shipment is announced, and at each keep-alive tick in case an announcement was missed
        Multi<Boolean> reasons = Multi.createBy().merging().streams(
                Multi.createFrom().item(false),
                notifications.updates().filter(updated -> updated.equals(shipmentId) || updated.equals(TrackingNotifications.ANY))
                        .onOverflow().drop().map(updated -> false),
                // true: a tick, after which a quiet connection gets a keep-alive
                Multi.createFrom().ticks().every(config.keepAlive()).onOverflow().drop().map(tick -> true));
        return reasons
                // one read at a time, each from the last event sent: no event twice, none out of order
                .onItem().transformToMultiAndConcatenate(tick -> Uni.createFrom().deferred(() -> shipments.eventsAfter(shipmentId, sent.get()))
                        .onItem().transformToMulti(events -> {
                            List<Live> out = new ArrayList<>();
                            for (TrackingEvent event : events) {
                                if (event.seq > sent.get()) {
                                    sent.set(event.seq);
                                    out.add(new Live(event));
                                    if (event.status.isFinal()) {
                                        out.add(Live.END);
                                        break;
                                    }
                                }
                            }
                            if (out.isEmpty() && tick) {
                                out.add(Live.KEEP_ALIVE);
                            }
                            return Multi.createFrom().iterable(out);
                        }))
                // after the journey's last event, the stream ends
                .select().first(live -> live != Live.END);
    }

    private Uni<Shipment> visible(UUID scope, UUID id) {
        return shipments.findById(id).map(shipment -> {
            if (shipment == null || (scope != null && !shipment.belongsTo(scope))) {
                throw new NotFound("no shipment " + id);
            }
            return shipment;
        });
    }
}

package io.mall.shipping.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.shipping.ShipmentRefused;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.personaldata.PersonalDataCipher;
import io.mall.shipping.client.Carrier;
import io.mall.shipping.client.CarrierRefusal;
import io.mall.shipping.client.Carriers;
import io.mall.shipping.client.Parcel;
import io.mall.shipping.domain.Recipient;
import io.mall.shipping.domain.Shipment;
import io.mall.shipping.domain.ShipmentStatus;
import io.mall.shipping.domain.ShippingOption;
import io.mall.shipping.domain.TrackingEvent;
import io.mall.shipping.store.Outbox;
import io.mall.shipping.store.OutboxRelay;
import io.mall.shipping.store.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Shipments made and cancelled for the order saga. Each answer is an event on
 * {@code shipping.events}, written with the change it reports. Both are idempotent per order: the
 * same create again answers with the shipment made the first time; a cancel again changes nothing.
 */
@ApplicationScoped
public class Shipments {

    /**
     * A paid order to ship: the shopper's address, the option and weight its quote had, the
     * promised date, and what the goods are worth (customs ask for it abroad).
     */
    public record PaidOrder(UUID orderId, UUID userId, UUID addressId, ShippingOption option, long weightGrams, LocalDate promisedBy,
            Long declaredValueMinor, String currency) {
    }

    private static final Logger LOG = Logger.getLogger(Shipments.class);

    private final ShipmentRepository shipments;
    private final AddressBook addressBook;
    private final Carriers carriers;
    private final PersonalDataCipher cipher;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    Shipments(ShipmentRepository shipments, AddressBook addressBook, Carriers carriers, PersonalDataCipher cipher, Outbox outbox,
            OutboxRelay relay, Clock clock) {
        this.shipments = shipments;
        this.addressBook = addressBook;
        this.carriers = carriers;
        this.cipher = cipher;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Labels the order's parcel with the carrier that serves its address, unless the order has a
     * shipment (its {@code shipment-created} is sent again) or was cancelled (refused). A carrier
     * that is down fails the call, to be tried again; one that will not take the parcel, or an
     * address that is gone, is answered with {@code shipment-refused}.
     */
    public Uni<Void> create(PaidOrder order) {
        return Panache.withTransaction(() -> shipments.wasCancelled(order.orderId()).chain(cancelled -> {
            if (cancelled) {
                return refuse(order.orderId(), "the order was cancelled before its parcel was labelled").replaceWith(true);
            }
            return shipments.ofOrder(order.orderId())
                    .chain(existing -> existing == null ? Uni.createFrom().item(false) : announceCreated(existing).replaceWith(true));
        })).chain(answered -> answered ? Uni.createFrom().voidItem() : label(order)).invoke(relay::nudge);
    }

    /**
     * Cancels the order's shipment if its parcel was not picked up yet: the carrier voids the label,
     * then the shipment becomes {@code CANCELLED}. A parcel on its way is answered with
     * {@code shipment-exception} (it will be delivered; the order is refunded as a return). The
     * cancellation is remembered, so a create that arrives after it makes no shipment.
     */
    public Uni<Void> cancel(UUID orderId, String reason) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> shipments.rememberCancelled(orderId, reason, now).chain(() -> shipments.ofOrder(orderId)))
                .chain(shipment -> {
                    if (shipment == null || shipment.status != ShipmentStatus.LABEL_CREATED) {
                        return Uni.createFrom().voidItem();
                    }
                    // voided first: a label the carrier still honours must not belong to a cancelled shipment
                    return carriers.named(shipment.carrier).cancel(shipment.trackingNumber);
                })
                .chain(() -> Panache.withTransaction(() -> shipments.ofOrderLocked(orderId).chain(shipment -> {
                    if (shipment == null) {
                        return Uni.createFrom().voidItem();
                    }
                    try {
                        return shipment.cancel(reason, clock.instant()).map(event -> record(shipment, List.of(event)))
                                .orElseGet(() -> Uni.createFrom().voidItem());
                    } catch (Conflict tooLate) {
                        Instant at = clock.instant();
                        return outbox.add(EventTypes.SHIPMENT_EXCEPTION, orderId, new ShipmentUpdated(shipment.id, orderId,
                                shipment.status.name(), null, "not cancelled: " + tooLate.getMessage(), at), at);
                    }
                })))
                .invoke(relay::nudge);
    }

    /**
     * Writes the shipment's new tracking events, an event on {@code shipping.events} for each
     * (delivered and failed attempts under their own types), and announces them to live streams.
     * Runs inside the caller's transaction, the shipment already changed.
     */
    Uni<Void> record(Shipment shipment, List<TrackingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> written = shipments.append(events);
        for (TrackingEvent event : events) {
            String type = switch (event.status) {
                case DELIVERED -> EventTypes.SHIPMENT_DELIVERED;
                case DELIVERY_FAILED -> EventTypes.SHIPMENT_EXCEPTION;
                default -> EventTypes.SHIPMENT_UPDATED;
            };
            ShipmentUpdated update = new ShipmentUpdated(shipment.id, shipment.orderId, event.status.name(), event.place, event.detail,
                    event.at);
            written = written.chain(() -> outbox.add(type, shipment.orderId, update, clock.instant()));
        }
        return written.chain(() -> shipments.announce(shipment.id));
    }

    private Uni<Void> label(PaidOrder order) {
        return addressBook.find(order.userId(), order.addressId())
                .onFailure(NotFound.class).transform(gone -> new CarrierRefusal("address " + order.addressId()
                        + " is not in the shopper's address book (deleted, or never theirs)"))
                .chain(entry -> {
                    Carrier carrier = carriers.forDestination(entry.address().postalAddress());
                    Parcel parcel = new Parcel(order.orderId(), order.option(), entry.address().postalAddress(), entry.recipient(),
                            order.weightGrams(), order.declaredValueMinor(), order.currency());
                    return carrier.book(parcel).chain(booking -> {
                        Shipment shipment = Shipment.labelled(order.orderId(), order.userId(), order.option(), parcel.destination(),
                                order.weightGrams(), carrier.name(), booking.trackingNumber(), order.promisedBy(), clock.instant());
                        seal(shipment, entry.recipient());
                        return Panache.withTransaction(() -> shipments.persist(shipment).call(() -> shipments.flush())
                                .chain(() -> shipments.append(List.of(shipment.labelEvent())))
                                .chain(() -> announceCreated(shipment))
                                .chain(() -> shipments.announce(shipment.id)))
                                // two creates at once (replicas, a redelivery): the first one's shipment is the
                                // answer, and this label is voided so that the carrier holds one per order
                                .onFailure(ShipmentRepository::isDuplicate).recoverWithUni(duplicate -> carrier.cancel(booking.trackingNumber())
                                        .onFailure().invoke(failure -> LOG.warnf("order %s: label %s of a second create not voided: %s",
                                                order.orderId(), booking.trackingNumber(), failure.getMessage()))
                                        .onFailure().recoverWithNull()
                                        .chain(() -> Panache.withTransaction(() -> shipments.ofOrder(order.orderId())
                                                // no shipment of the order: the clash was the carrier's number, not ours to repeat
                                                .chain(first -> first == null ? Uni.createFrom().failure(duplicate) : announceCreated(first)))));
                    });
                })
                .onFailure(CarrierRefusal.class).recoverWithUni(refusal -> {
                    LOG.warnf("order %s: no shipment: %s", order.orderId(), refusal.getMessage());
                    return Panache.withTransaction(() -> refuse(order.orderId(), refusal.getMessage()));
                });
    }

    private Uni<Void> announceCreated(Shipment shipment) {
        return outbox.add(EventTypes.SHIPMENT_CREATED, shipment.orderId, new ShipmentCreated(shipment.id, shipment.orderId,
                shipment.carrier, shipment.trackingNumber, shipment.promisedBy), clock.instant());
    }

    private Uni<Void> refuse(UUID orderId, String reason) {
        return outbox.add(EventTypes.SHIPMENT_REFUSED, orderId, new ShipmentRefused(orderId, reason), clock.instant());
    }

    /** The recipient, encrypted and bound to this shipment: a cipher copied onto another row does not open. */
    private void seal(Shipment shipment, Recipient recipient) {
        shipment.recipientCipher = cipher.encrypt(recipient.name(), shipment.id.toString());
        shipment.phoneCipher = cipher.encrypt(recipient.phone(), shipment.id.toString());
    }

    /** The recipient of a shipment, for the carrier and for the shopper who owns it. */
    public Recipient recipientOf(Shipment shipment) {
        if (ShipmentRepository.ERASED.equals(shipment.recipientCipher)) {
            // the shopper asked to be forgotten
            return new Recipient(null, null);
        }
        String owner = shipment.id.toString();
        return new Recipient(cipher.decrypt(shipment.recipientCipher, owner), cipher.decrypt(shipment.phoneCipher, owner));
    }
}

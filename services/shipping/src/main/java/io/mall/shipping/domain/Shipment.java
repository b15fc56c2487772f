package io.mall.shipping.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.mall.domain.Conflict;

/**
 * The parcel of one order: its carrier and tracking number, where it is now, and the rules of
 * what may happen next (a parcel on its way cannot be cancelled; a delivered one stays delivered).
 */
@Entity
@Table(name = "shipments")
public class Shipment {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public ShippingOption option;

    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;

    public String carrier;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "promised_by")
    public LocalDate promisedBy;

    /** How many tracking events the shipment has had: the id of the next one (and of an SSE event). */
    @Column(name = "event_count")
    public int eventCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A shipment whose label the carrier made: its first tracking event. */
    public static Shipment labelled(UUID orderId, UUID userId, ShippingOption option, String carrier, String trackingNumber,
            LocalDate promisedBy, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.userId = userId;
        shipment.option = option;
        shipment.carrier = carrier;
        shipment.trackingNumber = trackingNumber;
        shipment.promisedBy = promisedBy;
        shipment.status = ShipmentStatus.LABEL_CREATED;
        shipment.eventCount = 1;
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /**
     * The carrier reports {@code next}; a report that cannot follow the current status (an old one
     * arriving late, a carrier's mistake) is refused and changes nothing.
     *
     * @return the sequence number of this tracking event
     */
    public int advance(ShipmentStatus next, Instant at) {
        if (next == ShipmentStatus.CANCELLED) {
            throw new IllegalArgumentException("a shipment is cancelled by cancel(), not by a carrier's report");
        }
        if (!status.mayBecome(next)) {
            throw new Conflict("a shipment that is " + status + " cannot become " + next);
        }
        status = next;
        updatedAt = at;
        return ++eventCount;
    }

    /** Only before the carrier picked it up; later the parcel is on its way and is returned, not cancelled. */
    public int cancel(Instant at) {
        if (status == ShipmentStatus.CANCELLED) {
            return eventCount;
        }
        if (!status.mayBecome(ShipmentStatus.CANCELLED)) {
            throw new Conflict("the parcel is " + status + ": too late to cancel the shipment");
        }
        status = ShipmentStatus.CANCELLED;
        updatedAt = at;
        return ++eventCount;
    }

    public boolean belongsTo(UUID shopper) {
        return userId.equals(shopper);
    }
}

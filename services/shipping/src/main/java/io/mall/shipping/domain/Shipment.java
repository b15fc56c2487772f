package io.mall.shipping.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * The parcel of one order: where it goes, its carrier and tracking number, where it is now, and
 * the rules of what may happen next (a parcel on its way cannot be cancelled; a delivered one
 * stays delivered). The destination is a copy made when the parcel was labelled: changing the
 * address book later does not redirect a parcel. The recipient's name and phone are sealed by
 * the app (they are encrypted at rest).
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

    public String country;

    @Column(name = "postal_code")
    public String postalCode;

    public String region;

    public String city;

    public String line1;

    public String line2;

    @Column(name = "recipient_cipher")
    public String recipientCipher;

    @Column(name = "phone_cipher")
    public String phoneCipher;

    @Column(name = "weight_grams")
    public long weightGrams;

    /** How many tracking events the shipment has had: the number of the last one. */
    @Column(name = "event_count")
    public int eventCount;

    /** When the latest carrier report we took happened: reports up to then are known already. */
    @Column(name = "last_report_at")
    public Instant lastReportAt;

    /** When to ask the carrier again; none once the parcel's journey is over. */
    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The parcel the carrier labelled {@code trackingNumber}; its first tracking event is {@link #labelEvent()}. */
    public static Shipment labelled(UUID orderId, UUID userId, ShippingOption option, PostalAddress destination, long weightGrams,
            String carrier, String trackingNumber, LocalDate promisedBy, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.userId = userId;
        shipment.option = option;
        shipment.country = destination.country();
        shipment.postalCode = destination.postalCode();
        shipment.region = destination.region();
        shipment.city = destination.city();
        shipment.line1 = destination.line1();
        shipment.line2 = destination.line2();
        shipment.weightGrams = weightGrams;
        shipment.carrier = carrier;
        shipment.trackingNumber = trackingNumber;
        shipment.promisedBy = promisedBy;
        shipment.status = ShipmentStatus.LABEL_CREATED;
        shipment.eventCount = 1;
        // no report taken yet: the carrier's first answer counts whole (its scans may be timed before this row was written)
        shipment.lastReportAt = Instant.EPOCH;
        shipment.nextPollAt = now;
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    public TrackingEvent labelEvent() {
        return TrackingEvent.of(this, 1, ShipmentStatus.LABEL_CREATED, null, carrier + " made the parcel's label", createdAt);
    }

    public PostalAddress destination() {
        return new PostalAddress(country, postalCode, region, city, line1, line2);
    }

    /**
     * Takes the carrier's reports that are new (after the latest one taken), oldest first, and
     * answers the tracking events they make. A report that cannot follow (an old scan arriving
     * late, a carrier's mistake) is passed over: the carrier's later reports still count.
     */
    public List<TrackingEvent> record(List<CarrierReport> reports, Instant now) {
        List<TrackingEvent> added = new ArrayList<>();
        List<CarrierReport> ordered = reports.stream().filter(report -> report.at().isAfter(lastReportAt))
                .sorted(Comparator.comparing(CarrierReport::at)).toList();
        for (CarrierReport report : ordered) {
            lastReportAt = report.at();
            if (status.mayBecome(report.status()) && report.status() != ShipmentStatus.CANCELLED) {
                status = report.status();
                added.add(TrackingEvent.of(this, ++eventCount, report.status(), report.place(), report.detail(), report.at()));
            }
        }
        if (!added.isEmpty()) {
            updatedAt = now;
        }
        if (status.isFinal()) {
            nextPollAt = null;
        }
        return added;
    }

    /**
     * Only before the carrier picked it up; later the parcel is on its way and is returned, not
     * cancelled. Cancelling a cancelled shipment makes no second event.
     */
    public Optional<TrackingEvent> cancel(String reason, Instant at) {
        if (status == ShipmentStatus.CANCELLED) {
            return Optional.empty();
        }
        if (!status.mayBecome(ShipmentStatus.CANCELLED)) {
            throw new Conflict("the parcel is " + status + ": too late to cancel the shipment");
        }
        status = ShipmentStatus.CANCELLED;
        updatedAt = at;
        nextPollAt = null;
        return Optional.of(TrackingEvent.of(this, ++eventCount, ShipmentStatus.CANCELLED, null, reason, at));
    }

    public boolean belongsTo(UUID shopper) {
        return userId.equals(shopper);
    }
}

package io.mall.shipping.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One line of a shipment's history. {@code seq} numbers a shipment's events from 1 without gaps;
 * it is also the id of the live stream's event, so a reconnect asks for what came after it.
 */
@Entity
@Table(name = "tracking_events")
@IdClass(TrackingEvent.Key.class)
public class TrackingEvent {

    @Id
    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Id
    public int seq;

    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;

    public String place;

    public String detail;

    public Instant at;

    static TrackingEvent of(Shipment shipment, int seq, ShipmentStatus status, String place, String detail, Instant at) {
        TrackingEvent event = new TrackingEvent();
        event.shipmentId = shipment.id;
        event.seq = seq;
        event.status = status;
        event.place = place;
        event.detail = detail;
        event.at = at;
        return event;
    }

    /** The composite key Hibernate needs for (shipment, seq). */
    public static class Key implements Serializable {

        public UUID shipmentId;
        public int seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seq == seq && Objects.equals(key.shipmentId, shipmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, seq);
        }
    }
}

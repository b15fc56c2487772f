package io.mall.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.domain.Conflict;

class ShipmentTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final PostalAddress SEOUL = PostalAddress.of("KR", "04524", null, "서울", "세종대로 110", "3층");

    private static Shipment labelled() {
        return Shipment.labelled(UUID.randomUUID(), UUID.randomUUID(), ShippingOption.STANDARD, SEOUL, 1_200, "simulated", "SIM123",
                LocalDate.of(2026, 11, 28), NOW);
    }

    private static CarrierReport report(ShipmentStatus status, long minutesAfter) {
        return new CarrierReport(status, "hub", null, NOW.plus(Duration.ofMinutes(minutesAfter)));
    }

    @Test
    void aParcelGoesFromLabelToDeliveredNumberingEveryEvent() {
        Shipment shipment = labelled();

        List<TrackingEvent> events = shipment.record(List.of(report(ShipmentStatus.PICKED_UP, 10), report(ShipmentStatus.IN_TRANSIT, 20),
                report(ShipmentStatus.IN_TRANSIT, 30), report(ShipmentStatus.OUT_FOR_DELIVERY, 40),
                report(ShipmentStatus.DELIVERY_FAILED, 50), report(ShipmentStatus.OUT_FOR_DELIVERY, 60),
                report(ShipmentStatus.DELIVERED, 70)), NOW);

        assertThat(events).extracting(event -> event.seq).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(shipment.labelEvent().seq).isEqualTo(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(shipment.status.isFinal()).isTrue();
        assertThat(shipment.nextPollAt).isNull();
    }

    @Test
    void theSameScansReportedAgainMakeNoNewEvents() {
        Shipment shipment = labelled();
        List<CarrierReport> soFar = List.of(report(ShipmentStatus.PICKED_UP, 10), report(ShipmentStatus.IN_TRANSIT, 20));

        assertThat(shipment.record(soFar, NOW)).hasSize(2);
        assertThat(shipment.record(soFar, NOW)).isEmpty();
        List<TrackingEvent> later = shipment.record(List.of(report(ShipmentStatus.PICKED_UP, 10), report(ShipmentStatus.IN_TRANSIT, 20),
                report(ShipmentStatus.OUT_FOR_DELIVERY, 30)), NOW);

        assertThat(later).extracting(event -> event.status).containsExactly(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(shipment.eventCount).isEqualTo(4);
    }

    @Test
    void reportsAreTakenInTheOrderTheyHappenedWhateverOrderTheyArriveIn() {
        Shipment shipment = labelled();

        List<TrackingEvent> events = shipment.record(List.of(report(ShipmentStatus.DELIVERED, 30), report(ShipmentStatus.PICKED_UP, 10),
                report(ShipmentStatus.OUT_FOR_DELIVERY, 20)), NOW);

        assertThat(events).extracting(event -> event.status).containsExactly(ShipmentStatus.PICKED_UP, ShipmentStatus.OUT_FOR_DELIVERY,
                ShipmentStatus.DELIVERED);
    }

    @Test
    void aCarrierMaySkipScansButAParcelNeverGoesBack() {
        Shipment shipment = labelled();

        shipment.record(List.of(report(ShipmentStatus.OUT_FOR_DELIVERY, 10)), NOW);
        List<TrackingEvent> late = shipment.record(List.of(report(ShipmentStatus.PICKED_UP, 20)), NOW);

        assertThat(late).isEmpty();
        assertThat(shipment.status).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(ShipmentStatus.DELIVERED.mayBecome(ShipmentStatus.IN_TRANSIT)).isFalse();
        assertThat(ShipmentStatus.DELIVERY_FAILED.mayBecome(ShipmentStatus.IN_TRANSIT)).isTrue();
    }

    @Test
    void aCarrierCannotCancelAShipment() {
        Shipment shipment = labelled();

        assertThat(shipment.record(List.of(report(ShipmentStatus.CANCELLED, 10)), NOW)).isEmpty();
        assertThat(shipment.status).isEqualTo(ShipmentStatus.LABEL_CREATED);
    }

    @Test
    void onlyAParcelNotYetPickedUpCanBeCancelledAndCancellingTwiceIsHarmless() {
        Shipment waiting = labelled();
        assertThat(waiting.cancel("order cancelled", NOW)).hasValueSatisfying(event -> assertThat(event.seq).isEqualTo(2));
        assertThat(waiting.cancel("order cancelled", NOW)).isEmpty();
        assertThat(waiting.record(List.of(report(ShipmentStatus.PICKED_UP, 10)), NOW)).isEmpty();
        assertThat(waiting.nextPollAt).isNull();

        Shipment onItsWay = labelled();
        onItsWay.record(List.of(report(ShipmentStatus.PICKED_UP, 10)), NOW);
        assertThatThrownBy(() -> onItsWay.cancel("order cancelled", NOW)).isInstanceOf(Conflict.class).hasMessageContaining("too late");
        assertThat(onItsWay.status).isEqualTo(ShipmentStatus.PICKED_UP);
    }

    @Test
    void theDestinationIsACopyOfTheAddressItWasLabelledFor() {
        assertThat(labelled().destination()).isEqualTo(SEOUL);
    }
}

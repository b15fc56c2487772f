package io.mall.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.domain.Conflict;

class ShipmentTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private static Shipment labelled() {
        return Shipment.labelled(UUID.randomUUID(), UUID.randomUUID(), ShippingOption.STANDARD, "simulated", "SIM123",
                LocalDate.of(2026, 11, 28), NOW);
    }

    @Test
    void aParcelGoesFromLabelToDeliveredNumberingEveryEvent() {
        Shipment shipment = labelled();

        assertThat(shipment.advance(ShipmentStatus.PICKED_UP, NOW)).isEqualTo(2);
        assertThat(shipment.advance(ShipmentStatus.IN_TRANSIT, NOW)).isEqualTo(3);
        assertThat(shipment.advance(ShipmentStatus.IN_TRANSIT, NOW)).isEqualTo(4);
        shipment.advance(ShipmentStatus.OUT_FOR_DELIVERY, NOW);
        shipment.advance(ShipmentStatus.DELIVERY_FAILED, NOW);
        shipment.advance(ShipmentStatus.OUT_FOR_DELIVERY, NOW);
        assertThat(shipment.advance(ShipmentStatus.DELIVERED, NOW)).isEqualTo(8);
        assertThat(shipment.status.isFinal()).isTrue();
    }

    @Test
    void aReportThatCannotFollowIsRefusedAndChangesNothing() {
        Shipment shipment = labelled();

        assertThatThrownBy(() -> shipment.advance(ShipmentStatus.DELIVERED, NOW)).isInstanceOf(Conflict.class);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.eventCount).isEqualTo(1);
    }

    @Test
    void onlyAParcelNotYetPickedUpCanBeCancelledAndCancellingTwiceIsHarmless() {
        Shipment waiting = labelled();
        assertThat(waiting.cancel(NOW)).isEqualTo(2);
        assertThat(waiting.cancel(NOW)).isEqualTo(2);
        assertThatThrownBy(() -> waiting.advance(ShipmentStatus.PICKED_UP, NOW)).isInstanceOf(Conflict.class);

        Shipment onItsWay = labelled();
        onItsWay.advance(ShipmentStatus.PICKED_UP, NOW);
        assertThatThrownBy(() -> onItsWay.cancel(NOW)).isInstanceOf(Conflict.class).hasMessageContaining("too late");
        assertThat(onItsWay.status).isEqualTo(ShipmentStatus.PICKED_UP);
    }
}

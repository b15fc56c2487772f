package io.mall.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What the saga asks after each event, and what it undoes when an order ends early. */
class SagaTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    private Order order = Order.empty(UUID.randomUUID());

    private List<SagaCommand> happen(OrderEvent event) {
        Order before = order.copy();
        order.apply(event, order.version + 1, T0);
        return Saga.after(before, event, order);
    }

    private List<Class<?>> kinds(List<SagaCommand> commands) {
        return commands.stream().<Class<?>>map(Object::getClass).toList();
    }

    private void placed() {
        happen(Order.place(UUID.randomUUID(), List.of(new OrderLine("SKU-1", "p1", "Tee", 10_000, 2)), "KRW", 3_000, UUID.randomUUID(),
                "STANDARD", 600, LocalDate.of(2026, 11, 28), "CARD", true));
    }

    @Test
    void theHappyPathReservesThenChargesThenShipsThenCommitsTheStock() {
        order = Order.empty(UUID.randomUUID());
        assertThat(kinds(happen(Order.place(UUID.randomUUID(), List.of(new OrderLine("SKU-1", "p1", "Tee", 10_000, 2)), "KRW", 3_000,
                UUID.randomUUID(), "STANDARD", 600, null, "CARD", true))))
                .containsExactly(SagaCommand.ReserveStock.class, SagaCommand.Announce.class);
        List<SagaCommand> charge = happen(new OrderEvent.StockReserved(T0));
        assertThat(charge).containsExactly(new SagaCommand.ChargePayment(23_000, "KRW", "CARD"));
        List<SagaCommand> ship = happen(new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000));
        assertThat(kinds(ship)).containsExactly(SagaCommand.CreateShipment.class, SagaCommand.Announce.class);
        assertThat(((SagaCommand.CreateShipment) ship.get(0)).declaredValue()).isEqualTo(20_000);
        assertThat(happen(new OrderEvent.ShipmentCreated(UUID.randomUUID(), "simulated", "SIM1", null))).isEmpty();
        assertThat(kinds(happen(new OrderEvent.Shipped(T0)))).containsExactly(SagaCommand.CommitStock.class, SagaCommand.Announce.class);
        assertThat(happen(new OrderEvent.Delivered(T0))).containsExactly(new SagaCommand.Announce(OrderStatus.DELIVERED, null));
    }

    @Test
    void aDeclinedPaymentReleasesTheStock() {
        placed();
        happen(new OrderEvent.StockReserved(T0));
        assertThat(kinds(happen(new OrderEvent.PaymentFailed("DECLINED", "declined"))))
                .containsExactly(SagaCommand.ReleaseStock.class, SagaCommand.Announce.class);
    }

    @Test
    void cancellingUndoesExactlyWhatWasDoneAtEachState() {
        placed();
        assertThat(kinds(happen(new OrderEvent.Cancelled("shopper", "no")))).as("a reservation may be on its way")
                .containsExactly(SagaCommand.ReleaseStock.class, SagaCommand.Announce.class);

        order = Order.empty(UUID.randomUUID());
        placed();
        happen(new OrderEvent.StockReserved(T0));
        assertThat(kinds(happen(new OrderEvent.Cancelled("shopper", "no")))).as("the charge is under way")
                .containsExactly(SagaCommand.ReleaseStock.class, SagaCommand.CancelPayment.class, SagaCommand.Announce.class);

        order = Order.empty(UUID.randomUUID());
        placed();
        happen(new OrderEvent.StockReserved(T0));
        happen(new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000));
        happen(new OrderEvent.ShipmentCreated(UUID.randomUUID(), "simulated", "SIM1", null));
        assertThat(kinds(happen(new OrderEvent.Cancelled("staff:s1", "fraud")))).as("paid and labelled")
                .containsExactly(SagaCommand.ReleaseStock.class, SagaCommand.CancelPayment.class, SagaCommand.CancelShipment.class,
                        SagaCommand.Announce.class);
    }

    @Test
    void moneyOrALabelArrivingAfterTheOrderEndedIsGivenBack() {
        placed();
        happen(new OrderEvent.StockReserved(T0));
        happen(new OrderEvent.StepTimedOut("payment"));
        assertThat(kinds(happen(new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000)))).containsExactly(SagaCommand.CancelPayment.class);

        order = Order.empty(UUID.randomUUID());
        placed();
        happen(new OrderEvent.StockReserved(T0));
        happen(new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000));
        happen(new OrderEvent.Cancelled("shopper", "no"));
        assertThat(kinds(happen(new OrderEvent.ShipmentCreated(UUID.randomUUID(), "simulated", "SIM1", null))))
                .containsExactly(SagaCommand.CancelShipment.class);
    }

    @Test
    void aParcelThatCannotBeShippedIsRefundedAndItsStockReleased() {
        placed();
        happen(new OrderEvent.StockReserved(T0));
        happen(new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000));
        assertThat(kinds(happen(new OrderEvent.ShipmentRefused("no carrier"))))
                .containsExactly(SagaCommand.CancelPayment.class, SagaCommand.ReleaseStock.class, SagaCommand.Announce.class);
        assertThat(order.status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(kinds(happen(new OrderEvent.Refunded(UUID.randomUUID(), 23_000, true)))).containsExactly(SagaCommand.Announce.class);
        assertThat(order.status).isEqualTo(OrderStatus.REFUNDED);
    }
}

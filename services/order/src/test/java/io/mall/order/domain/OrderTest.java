package io.mall.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

/** Every state of an order against every reply and request: which make an event, which are ignored, which are refused. */
class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");
    private static final Order.Deadlines LIMITS = new Order.Deadlines(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(25),
            Duration.ofMinutes(30));
    private static final UUID SHOPPER = UUID.randomUUID();

    /** The states, each reached by the events that lead there. */
    private static final Map<String, List<OrderEvent>> STATES = new LinkedHashMap<>();

    static {
        OrderEvent placed = Order.place(SHOPPER, List.of(new OrderLine("SKU-1", "p1", "Tee", 10_000, 2)), "KRW", 3_000, UUID.randomUUID(),
                "STANDARD", 600, LocalDate.of(2026, 11, 28), "CARD", true);
        OrderEvent reserved = new OrderEvent.StockReserved(T0.plusSeconds(900));
        OrderEvent captured = new OrderEvent.PaymentCaptured(UUID.randomUUID(), 23_000);
        OrderEvent labelled = new OrderEvent.ShipmentCreated(UUID.randomUUID(), "simulated", "SIM1", null);
        STATES.put("RECEIVED", List.of(placed));
        STATES.put("STOCK_RESERVED", List.of(placed, reserved));
        STATES.put("PAID", List.of(placed, reserved, captured));
        STATES.put("PAID_LABELLED", List.of(placed, reserved, captured, labelled));
        STATES.put("SHIPPING", List.of(placed, reserved, captured, labelled, new OrderEvent.Shipped(T0)));
        STATES.put("DELIVERED", List.of(placed, reserved, captured, labelled, new OrderEvent.Shipped(T0), new OrderEvent.Delivered(T0)));
        STATES.put("FAILED", List.of(placed, new OrderEvent.StockRejected(List.of("SKU-1"), "out of stock")));
        STATES.put("CANCELLED", List.of(placed, new OrderEvent.Cancelled("shopper", "changed my mind")));
        STATES.put("CANCELLED_PAID", List.of(placed, reserved, captured, new OrderEvent.Cancelled("shopper", "changed my mind")));
        STATES.put("REFUNDED", List.of(placed, reserved, captured, new OrderEvent.Cancelled("shopper", "changed my mind"),
                new OrderEvent.Refunded(UUID.randomUUID(), 23_000, true)));
    }

    private static Order in(String state) {
        Order order = Order.empty(UUID.randomUUID());
        List<OrderEvent> events = STATES.get(state);
        for (int i = 0; i < events.size(); i++) {
            order.apply(events.get(i), i + 1, T0);
        }
        return order;
    }

    /** Replies: the states in which each makes an event; in every other it is ignored. */
    private static final Map<String, Function<Order, Optional<OrderEvent>>> REPLIES = new LinkedHashMap<>();
    private static final Map<String, Set<String>> ACCEPTED_IN = new LinkedHashMap<>();

    static {
        reply("stock reserved", order -> order.stockReserved(T0), "RECEIVED");
        reply("stock rejected", order -> order.stockRejected(List.of("SKU-1"), "short"), "RECEIVED");
        reply("payment pending", order -> order.paymentPending("BANK_TRANSFER", "KB", "123", null, T0), "STOCK_RESERVED");
        // money taken after the order ended is recorded, so that the saga gives it back
        reply("payment captured", order -> order.paymentCaptured(UUID.randomUUID(), 23_000), "STOCK_RESERVED", "FAILED", "CANCELLED");
        reply("payment failed", order -> order.paymentFailed("DECLINED", "declined"), "STOCK_RESERVED");
        reply("shipment created", order -> order.shipmentCreated(UUID.randomUUID(), "simulated", "SIM2", null), "PAID", "CANCELLED",
                "CANCELLED_PAID", "FAILED", "REFUNDED");
        reply("shipment refused", order -> order.shipmentRefused("no carrier"), "PAID");
        reply("shipped", order -> order.shipped(T0), "PAID", "PAID_LABELLED");
        reply("delivered", order -> order.delivered(T0), "PAID", "PAID_LABELLED", "SHIPPING");
        reply("refunded", order -> order.refunded(UUID.randomUUID(), 23_000, true), "CANCELLED_PAID");
    }

    private static void reply(String name, Function<Order, Optional<OrderEvent>> decision, String... acceptedIn) {
        REPLIES.put(name, decision);
        ACCEPTED_IN.put(name, Set.of(acceptedIn));
    }

    @Test
    void everyReplyMakesAnEventOnlyInTheStatesThatWaitForItAndIsIgnoredInEveryOther() {
        for (String state : STATES.keySet()) {
            for (var reply : REPLIES.entrySet()) {
                Order order = in(state);
                int version = order.version;
                Optional<OrderEvent> event = reply.getValue().apply(order);
                assertThat(event.isPresent()).as(reply.getKey() + " in " + state).isEqualTo(ACCEPTED_IN.get(reply.getKey()).contains(state));
                assertThat(order.version).as("deciding changes nothing").isEqualTo(version);
            }
        }
    }

    @Test
    void aShopperCancelsBeforeShippingStaffUntilDeliveryAndEveryRefusalNamesTheState() {
        Set<String> shopper = Set.of("RECEIVED", "STOCK_RESERVED", "PAID", "PAID_LABELLED");
        Set<String> staff = Set.of("RECEIVED", "STOCK_RESERVED", "PAID", "PAID_LABELLED", "SHIPPING");
        for (String state : STATES.keySet()) {
            Order order = in(state);
            if (shopper.contains(state)) {
                assertThat(order.cancel("shopper", "changed my mind", false)).as(state).isInstanceOf(OrderEvent.Cancelled.class);
            } else {
                assertThatThrownBy(() -> order.cancel("shopper", "changed my mind", false)).as(state).isInstanceOf(Conflict.class)
                        .hasMessageContaining(order.status.name());
            }
            if (staff.contains(state)) {
                assertThat(order.cancel("staff:s1", "fraud", true)).as(state).isInstanceOf(OrderEvent.Cancelled.class);
            } else {
                assertThatThrownBy(() -> order.cancel("staff:s1", "fraud", true)).as(state).isInstanceOf(Conflict.class);
            }
        }
        assertThatThrownBy(() -> in("RECEIVED").cancel("shopper", " ", false)).isInstanceOf(BrokenRule.class);
    }

    @Test
    void theAddressChangesOnlyUntilTheParcelIsLabelled() {
        Set<String> open = Set.of("RECEIVED", "STOCK_RESERVED", "PAID");
        for (String state : STATES.keySet()) {
            Order order = in(state);
            UUID elsewhere = UUID.randomUUID();
            if (open.contains(state)) {
                OrderEvent changed = order.changeAddress(elsewhere, "shopper");
                order.apply(changed, order.version + 1, T0);
                assertThat(order.addressId).isEqualTo(elsewhere);
            } else {
                assertThatThrownBy(() -> order.changeAddress(elsewhere, "shopper")).as(state).isInstanceOf(Conflict.class)
                        .hasMessageContaining("can no longer change");
            }
        }
    }

    @Test
    void aStepPastItsDeadlineFailsTheOrderAndOnlyThatStep() {
        Order waitingForStock = in("RECEIVED");
        assertThat(waitingForStock.timeOut("stock", LIMITS, T0.plusSeconds(60))).isEmpty();
        assertThat(waitingForStock.timeOut("payment", LIMITS, T0.plusSeconds(600))).isEmpty();
        OrderEvent timedOut = waitingForStock.timeOut("stock", LIMITS, T0.plusSeconds(120)).orElseThrow();
        waitingForStock.apply(timedOut, waitingForStock.version + 1, T0.plusSeconds(120));
        assertThat(waitingForStock.status).isEqualTo(OrderStatus.FAILED);

        Order charging = in("STOCK_RESERVED");
        assertThat(charging.timeOut("payment", LIMITS, T0.plus(Duration.ofMinutes(4)))).as("payment has five minutes").isEmpty();
        assertThat(charging.timeOut("payment", LIMITS, T0.plus(Duration.ofMinutes(5)))).isPresent();
        Order unlabelled = in("PAID");
        assertThat(unlabelled.timeOut("shipment", LIMITS, T0.plus(Duration.ofMinutes(29)))).isEmpty();
        OrderEvent noShipment = unlabelled.timeOut("shipment", LIMITS, T0.plus(Duration.ofMinutes(30))).orElseThrow();
        List<SagaCommand> undo = Saga.after(unlabelled.copy(), noShipment, unlabelled.copy().apply(noShipment, unlabelled.version + 1, T0));
        assertThat(undo).as("a paid order that could not be shipped gives the money back and frees the stock")
                .contains(new SagaCommand.CancelPayment("no answer in time from the shipment step"), new SagaCommand.ReleaseStock());

        Order pending = in("STOCK_RESERVED");
        pending.apply(pending.paymentPending("BANK_TRANSFER", "KB", "1", null, T0).orElseThrow(), pending.version + 1, T0);
        assertThat(pending.timeOut("payment", LIMITS, T0.plus(Duration.ofHours(2)))).as("a bank transfer has its own time").isEmpty();
        assertThat(in("PAID_LABELLED").deadline(LIMITS)).as("a labelled parcel waits for the carrier, not a deadline").isEmpty();
        assertThat(in("DELIVERED").deadline(LIMITS)).isEmpty();
    }

    @Test
    void anOrderNeedsLinesOfAtLeastOneAndAddsUpItsAmounts() {
        assertThatThrownBy(() -> Order.place(SHOPPER, List.of(), "KRW", 0, UUID.randomUUID(), "STANDARD", 1, null, "CARD", false))
                .isInstanceOf(BrokenRule.class).extracting(failure -> ((BrokenRule) failure).field()).isEqualTo("lines");
        assertThatThrownBy(() -> Order.place(SHOPPER, List.of(new OrderLine("A", "p", "A", 100, 0)), "KRW", 0, UUID.randomUUID(),
                "STANDARD", 1, null, "CARD", false)).isInstanceOf(BrokenRule.class)
                .extracting(failure -> ((BrokenRule) failure).field()).isEqualTo("lines[0].quantity");
        OrderEvent.Placed placed = Order.place(SHOPPER, List.of(new OrderLine("A", "p", "A", 1_500, 3), new OrderLine("B", "q", "B", 990, 1)),
                "KRW", 3_000, UUID.randomUUID(), "EXPRESS", 800, null, "CARD", false);
        assertThat(placed.subtotal()).isEqualTo(5_490);
        assertThat(placed.total()).isEqualTo(8_490);
    }

    @Test
    void aFoldFromASnapshotCopyEqualsTheFoldFromTheStart() {
        Order whole = in("SHIPPING");
        Order half = in("PAID").copy();
        List<OrderEvent> rest = STATES.get("SHIPPING").subList(3, 5);
        for (int i = 0; i < rest.size(); i++) {
            half.apply(rest.get(i), 4 + i, T0);
        }
        assertThat(half).usingRecursiveComparison().ignoringFields("id").isEqualTo(whole);
    }
}

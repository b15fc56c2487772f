package io.mall.order.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.order.domain.Order;
import io.mall.order.domain.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The saga's business metrics: orders placed ({@code mall.orders.placed}), how long each step took
 * ({@code mall.order.saga.step}: stock, payment, shipment, delivery) and the deadlines it missed
 * ({@code mall.order.saga.deadlines}). Observed while a change is decided, recorded only once it
 * committed, so a retried change is counted once.
 */
@ApplicationScoped
public class SagaMeter {

    /** What one committed change did to an order, for the metrics. */
    public static final class Observed {

        private final List<Runnable> records = new ArrayList<>();

        void record() {
            records.forEach(Runnable::run);
        }
    }

    private final MeterRegistry registry;

    SagaMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    Observed observe() {
        return new Observed();
    }

    /** One event applied: the step it ended, if any, and how long that step took. */
    void applied(Observed observed, Order before, Order after, Instant now) {
        if (before.status == null && after.status == OrderStatus.RECEIVED) {
            observed.records.add(() -> registry.counter("mall.orders.placed", "currency", after.currency).increment());
            return;
        }
        Instant since = before.updatedAt == null ? after.placedAt : before.updatedAt;
        if (!before.stockHeld && after.stockHeld) {
            step(observed, "stock", after.placedAt, now);
        }
        if (before.status != OrderStatus.PAID && after.status == OrderStatus.PAID) {
            step(observed, "payment", since, now);
        }
        if (before.shipmentId == null && after.shipmentId != null) {
            step(observed, "shipment", since, now);
        }
        if (before.status != OrderStatus.DELIVERED && after.status == OrderStatus.DELIVERED) {
            step(observed, "delivery", since, now);
        }
    }

    void deadlinePassed(String step) {
        registry.counter("mall.order.saga.deadlines", "step", step).increment();
    }

    private void step(Observed observed, String step, Instant from, Instant to) {
        if (from == null) {
            return;
        }
        Duration took = Duration.between(from, to);
        observed.records.add(() -> Timer.builder("mall.order.saga.step").tag("step", step)
                .description("how long an order's saga step took").register(registry).record(took));
    }
}

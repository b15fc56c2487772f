package io.mall.order;

import java.time.Duration;

import io.mall.order.domain.Order;
import io.smallrye.config.ConfigMapping;

/** {@code mall.order.*}. */
@ConfigMapping(prefix = "mall.order")
public interface OrderConfig {

    /** How often the outbox relay looks for what a failure left unpublished. */
    Duration outboxPollInterval();

    /** How long each saga step may take before the order fails and what was done is undone. */
    Steps steps();

    /** How often orders past a deadline are looked for. */
    Duration deadlineSweep();

    /** The most lines one order may have. */
    int maxLines();

    interface Steps {
        Duration stock();

        Duration payment();

        /** A bank transfer's deposit or a wallet's approval: the shopper's own time, then some. */
        Duration pendingPayment();

        Duration shipment();
    }

    default Order.Deadlines deadlines() {
        return new Order.Deadlines(steps().stock(), steps().payment(), steps().pendingPayment(), steps().shipment());
    }
}

package io.mall.order.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Looks for orders whose saga step is past its deadline (stock not answered, payment not
 * answered, no shipment) and fails them, undoing what was done. Any replica may: two that find the
 * same order both decide, and the second finds it already failed.
 */
@ApplicationScoped
class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    private final Orders orders;

    Deadlines(Orders orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${mall.order.deadline-sweep}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return orders.expireDue(100).invoke(count -> {
            if (count > 0) {
                LOG.infof("%d orders past a saga deadline failed", count);
            }
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("deadline sweep: %s", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }
}

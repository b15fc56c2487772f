package io.mall.notification.app;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.notification.domain.DeliveryStatus;
import io.mall.notification.store.DeliveryLog;
import io.smallrye.mutiny.Uni;

/** The delivery log, for support staff: what was sent to whom and how it went; a failed delivery sent again. */
@ApplicationScoped
public class DeliveryHistory {

    private final DeliveryLog log;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryHistory(DeliveryLog log, Dispatcher dispatcher, Clock clock) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Uni<DeliveryLog.Page> page(UUID userId, DeliveryStatus status, int page, int size) {
        return log.page(userId, status, page, size);
    }

    /** Sends a dead or refused delivery again from its first attempt, once its cause is fixed. */
    public Uni<DeliveryLog.Entry> retry(UUID id) {
        return log.requeue(id, clock.instant()).chain(requeued -> {
            if (requeued) {
                dispatcher.nudge();
                return log.find(id);
            }
            return log.find(id).invoke(entry -> {
                if (entry == null) {
                    throw new NotFound("no delivery " + id);
                }
                throw new Conflict("delivery " + id + " is " + entry.status() + "; only a DEAD or FAILED one is sent again");
            });
        });
    }
}

package io.mall.order.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.mall.messaging.PostgresOutboxRelay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Lives beside the {@link Outbox} it empties (not in {@code messaging}, whose consumers call the
 * app, which nudges this after each commit). Publishes the outbox to Kafka (libs/messaging's PostgreSQL relay: in order per order, each row
 * deleted once Kafka acknowledged it): at once after a change, and at every tick for what a failure
 * or another replica's crash left.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final PostgresOutboxRelay relay;

    OutboxRelay(Pool database, @Channel("outbox") MutinyEmitter<String> kafka) {
        this.relay = new PostgresOutboxRelay(database, kafka);
    }

    /** Called after a commit that wrote to the outbox, so events go out at once, not at the next tick. */
    public void nudge() {
        // a failure here is retried by the next tick
        relay.relay().subscribe().with(sent -> { }, failure -> LOG.debugf("outbox relay: %s", failure.getMessage()));
    }

    // delayed: the first tick waits until the Kafka channel is connected
    @Scheduled(every = "${mall.order.outbox-poll-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return relay.relayLogged();
    }
}

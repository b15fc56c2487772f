package io.mall.payment.store;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The webhook events each gateway sent that were processed, kept a month (gateways retry for days, not longer). */
@ApplicationScoped
public class WebhookEvents {

    private static final Duration KEEP = Duration.ofDays(30);

    private final Pool database;
    private final Clock clock;

    WebhookEvents(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Uni<Boolean> seen(String gateway, String eventId) {
        return database.preparedQuery("SELECT 1 FROM webhook_events WHERE gateway = $1 AND event_id = $2")
                .execute(Tuple.of(gateway, eventId)).map(rows -> rows.size() > 0);
    }

    public Uni<Void> remember(String gateway, String eventId, String type) {
        return database.preparedQuery("INSERT INTO webhook_events (gateway, event_id, type, received_at) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(gateway, eventId, type, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOld() {
        return database.preparedQuery("DELETE FROM webhook_events WHERE received_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(clock.instant().minus(KEEP), ZoneOffset.UTC)))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}

package io.mall.order.store;

import java.time.Clock;

import jakarta.inject.Singleton;

import io.mall.idempotency.IdempotencyConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Idempotency keys in this service's {@code idempotency_keys} table, forgotten after
 * {@code mall.idempotency.keep}. A singleton: its parent has no constructor a client proxy could call.
 */
@Singleton
public class PostgresIdempotencyStore extends io.mall.idempotency.PostgresIdempotencyStore {

    private final Clock clock;
    private final IdempotencyConfig config;

    PostgresIdempotencyStore(Pool database, Clock clock, IdempotencyConfig config) {
        super(database);
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return prune(clock.instant().minus(config.keep()));
    }
}

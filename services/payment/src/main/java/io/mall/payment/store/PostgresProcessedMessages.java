package io.mall.payment.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.messaging.MessagingConfig;
import io.mall.messaging.ProcessedMessages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The command ids each consumer has processed, a row each, forgotten after {@code mall.messaging.remember}. */
@ApplicationScoped
public class PostgresProcessedMessages implements ProcessedMessages {

    private final Pool database;
    private final Clock clock;
    private final MessagingConfig config;

    PostgresProcessedMessages(Pool database, Clock clock, MessagingConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public Uni<Boolean> contains(String consumer, UUID messageId) {
        return database.preparedQuery("SELECT 1 FROM processed_messages WHERE consumer = $1 AND message_id = $2")
                .execute(Tuple.of(consumer, messageId)).map(rows -> rows.size() > 0);
    }

    @Override
    public Uni<Void> remember(String consumer, UUID messageId) {
        return database.preparedQuery("INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(consumer, messageId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOld() {
        return database.preparedQuery("DELETE FROM processed_messages WHERE processed_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(clock.instant().minus(config.remember()), ZoneOffset.UTC)))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}

package io.mall.cart.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.mall.cart.CartConfig;
import io.mall.messaging.MessagingConfig;
import io.mall.messaging.ProcessedMessages;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/** The message ids each consumer has processed: a key per consumer and id that Redis expires by itself. */
@ApplicationScoped
public class RedisProcessedMessages implements ProcessedMessages {

    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final String prefix;
    private final MessagingConfig messaging;

    RedisProcessedMessages(ReactiveRedisDataSource redis, CartConfig config, MessagingConfig messaging) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.prefix = config.redisKeyPrefix();
        this.messaging = messaging;
    }

    @Override
    public Uni<Boolean> contains(String consumer, UUID messageId) {
        return keys.exists(key(consumer, messageId));
    }

    @Override
    public Uni<Void> remember(String consumer, UUID messageId) {
        return values.set(key(consumer, messageId), "1", new SetArgs().ex(messaging.remember()));
    }

    private String key(String consumer, UUID messageId) {
        return prefix + "processed:" + consumer + ":" + messageId;
    }
}

package io.mall.cart.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;


import io.mall.cart.CartConfig;
import io.mall.cart.domain.CartLine;
import io.mall.cart.domain.GuestTokens;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Read-only snapshots of a cart behind an unguessable id (256 random bits), expiring on their own;
 * the owner can revoke them earlier.
 */
@ApplicationScoped
public class ShareStore {

    /** A shared cart: whose, what, until when. */
    public record Share(String id, String ownerId, List<CartLine> lines, Map<String, Integer> quantities, Instant createdAt,
            Instant expiresAt) {
    }

    private final ReactiveRedisDataSource redis;
    private final StoredJson json;
    private final Clock clock;
    private final String prefix;

    ShareStore(ReactiveRedisDataSource redis, StoredJson json, Clock clock, CartConfig config) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.prefix = config.redisKeyPrefix();
    }

    public Uni<Share> create(String ownerId, CartStore.Contents contents, Duration validFor) {
        Instant now = clock.instant();
        Share share = new Share(GuestTokens.newToken(), ownerId, contents.lines(), contents.quantities(), now, now.plus(validFor));
        return redis.value(String.class).set(key(share.id()), json.write(share), new SetArgs().ex(validFor))
                .chain(() -> redis.set(String.class).sadd(ownerKey(ownerId), share.id()))
                .replaceWith(share);
    }

    public Uni<Share> find(String id) {
        if (!GuestTokens.isWellFormed(id)) {
            return Uni.createFrom().nullItem();
        }
        return redis.value(String.class).get(key(id)).map(text -> text == null ? null : json.read(text, Share.class));
    }

    /** Only the owner revokes; anyone else learns nothing (false, as for an unknown id). */
    public Uni<Boolean> revoke(String ownerId, String id) {
        return redis.set(String.class).srem(ownerKey(ownerId), id)
                .chain(removed -> removed > 0 ? redis.key().del(key(id)).map(deleted -> true) : Uni.createFrom().item(false));
    }

    /** Every share of this owner, gone at once (the owner's account was erased). */
    public Uni<Void> revokeAll(String ownerId) {
        return redis.set(String.class).smembers(ownerKey(ownerId))
                .chain(ids -> {
                    List<String> keys = new java.util.ArrayList<>(ids.stream().map(this::key).toList());
                    keys.add(ownerKey(ownerId));
                    return redis.key().del(keys.toArray(String[]::new));
                })
                .replaceWithVoid();
    }

    private String key(String id) {
        return prefix + "share:" + id;
    }

    private String ownerKey(String ownerId) {
        return prefix + "shares:user:" + ownerId;
    }
}

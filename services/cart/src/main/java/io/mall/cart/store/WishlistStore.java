package io.mall.cart.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;


import io.mall.cart.CartConfig;
import io.mall.cart.domain.CartLine;
import io.mall.domain.BrokenRule;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/** A signed-in shopper's wishlist: one Redis hash, SKU → what the shopper saw when saving it. */
@ApplicationScoped
public class WishlistStore {

    public static final int MAX_ITEMS = 500;

    private final ReactiveRedisDataSource redis;
    private final StoredJson json;
    private final String prefix;

    WishlistStore(ReactiveRedisDataSource redis, StoredJson json, CartConfig config) {
        this.redis = redis;
        this.json = json;
        this.prefix = config.redisKeyPrefix();
    }

    public Uni<Void> add(String userId, CartLine item) {
        return redis.hash(String.class).hlen(key(userId)).chain(size -> {
            if (size >= MAX_ITEMS) {
                throw new BrokenRule("sku", "a wishlist holds at most " + MAX_ITEMS + " items");
            }
            return redis.hash(String.class).hset(key(userId), item.sku(), json.write(item));
        }).replaceWithVoid();
    }

    public Uni<Boolean> remove(String userId, String sku) {
        return redis.hash(String.class).hdel(key(userId), sku).map(removed -> removed > 0);
    }

    public Uni<List<CartLine>> list(String userId) {
        return redis.hash(String.class).hgetall(key(userId)).map(items -> {
            List<CartLine> lines = new ArrayList<>();
            items.values().forEach(text -> lines.add(json.read(text, CartLine.class)));
            lines.sort(java.util.Comparator.comparing(CartLine::addedAt).reversed());
            return lines;
        });
    }

    public Uni<CartLine> find(String userId, String sku) {
        return redis.hash(String.class).hget(key(userId), sku).map(text -> text == null ? null : json.read(text, CartLine.class));
    }

    /** Empties the wishlist (its owner's account was erased). */
    public Uni<Void> clear(String userId) {
        return redis.key().del(key(userId)).replaceWithVoid();
    }

    private String key(String userId) {
        return prefix + "wishlist:user:" + userId;
    }
}

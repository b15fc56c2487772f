package io.mall.cart.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;


import io.mall.cart.CartConfig;
import io.mall.cart.domain.CartLimits;
import io.mall.cart.domain.CartLine;
import io.mall.cart.domain.GuestTokens;
import io.mall.domain.BrokenRule;
import io.mall.domain.TooManyAttempts;
import io.mall.domain.NotFound;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Carts in Redis: per owner a hash of quantities and a hash of line snapshots. Every change is one
 * Lua script, which Redis runs atomically, so parallel adds of one SKU never lose an update and
 * the limits hold under any concurrency. Each change renews the cart's time to live.
 */
@ApplicationScoped
public class CartStore {

    /** Whose cart: a signed-in user, or a guest known only by a hash of their token. */
    public record Owner(String key, boolean guest) {
        public static Owner user(String userId) {
            return new Owner("user:" + userId, false);
        }

        public static Owner guest(String tokenHash) {
            return new Owner("guest:" + tokenHash, true);
        }
    }

    /** The cart's lines and their quantities. */
    public record Contents(List<CartLine> lines, Map<String, Integer> quantities) {
        public boolean isEmpty() {
            return quantities.isEmpty();
        }
    }

    /**
     * Adds delta (may make a new line); -1: too many lines, -2: quantity above the limit. A cart this
     * add makes lives ARGV[7] seconds (short for a guest: one add is cheap to make and may be all
     * there ever is), a cart used again ARGV[6]. A guest cart is made only if the client's address
     * made fewer than ARGV[8] this minute (counted in KEYS[3]); -4 when it made that many.
     */
    private static final String ADD = """
            local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            if current == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return -1 end
            local next = current + tonumber(ARGV[2])
            if next > tonumber(ARGV[3]) then return -2 end
            local ttl = ARGV[6]
            if redis.call('EXISTS', KEYS[1]) == 0 then
                ttl = ARGV[7]
                if tonumber(ARGV[8]) > 0 then
                    local made = redis.call('INCR', KEYS[3])
                    if made == 1 then redis.call('EXPIRE', KEYS[3], 60) end
                    if made > tonumber(ARGV[8]) then return -4 end
                end
            end
            redis.call('HSET', KEYS[1], ARGV[1], next)
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
            redis.call('EXPIRE', KEYS[1], ttl)
            redis.call('EXPIRE', KEYS[2], ttl)
            return next""";

    /** Sets a line's quantity; -3: no such line. */
    private static final String SET = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -3 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            redis.call('EXPIRE', KEYS[2], ARGV[3])
            return tonumber(ARGV[2])""";

    private static final String REMOVE = """
            local removed = redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            return removed""";

    /**
     * Moves the guest cart (KEYS 1, 2) into the user's (KEYS 3, 4): quantities summed up to the
     * line limit, lines beyond the cart's line limit left out; the guest cart is deleted, so its
     * token opens nothing any more. Returns how many guest lines did not fit.
     */
    private static final String MERGE = """
            local skus = redis.call('HKEYS', KEYS[1])
            local dropped = 0
            for _, sku in ipairs(skus) do
              local guest = tonumber(redis.call('HGET', KEYS[1], sku))
              local mine = tonumber(redis.call('HGET', KEYS[3], sku) or '0')
              if mine == 0 and redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[2]) then
                dropped = dropped + 1
              else
                redis.call('HSET', KEYS[3], sku, math.min(mine + guest, tonumber(ARGV[1])))
                if mine == 0 then redis.call('HSET', KEYS[4], sku, redis.call('HGET', KEYS[2], sku)) end
              end
            end
            redis.call('DEL', KEYS[1], KEYS[2])
            if redis.call('EXISTS', KEYS[3]) == 1 then
              redis.call('EXPIRE', KEYS[3], ARGV[3])
              redis.call('EXPIRE', KEYS[4], ARGV[3])
            end
            return dropped""";

    /**
     * The cart in one round trip and one snapshot: sku, quantity, line (nil when missing) for each
     * line; what two separate reads could see half of a change between them.
     */
    private static final String READ = """
            local quantities = redis.call('HGETALL', KEYS[1])
            local found = {}
            for i = 1, #quantities, 2 do
              found[#found + 1] = quantities[i]
              found[#found + 1] = quantities[i + 1]
              found[#found + 1] = redis.call('HGET', KEYS[2], quantities[i])
            end
            return found""";

    private final ReactiveRedisDataSource redis;
    private final StoredJson json;
    private final String prefix;
    private final Duration guestTtl;
    private final Duration newGuestTtl;
    private final int guestCartsPerAddress;
    private final Duration userTtl;

    CartStore(ReactiveRedisDataSource redis, StoredJson json, CartConfig config) {
        this.redis = redis;
        this.json = json;
        this.prefix = config.redisKeyPrefix();
        this.guestTtl = config.guestTtl();
        this.newGuestTtl = config.newGuestTtl();
        this.guestCartsPerAddress = config.guestCartsPerAddressPerMinute();
        this.userTtl = config.userTtl();
    }

    /** As {@link #add(Owner, CartLine, int, String)}, for an owner whose cart is not counted per address. */
    public Uni<Integer> add(Owner owner, CartLine line, int quantity) {
        return add(owner, line, quantity, null);
    }

    /**
     * Adds units of a line; a guest cart this makes counts against {@code clientAddress}'s guest carts
     * of the minute (null: not counted), so one address cannot fill Redis with carts.
     */
    public Uni<Integer> add(Owner owner, CartLine line, int quantity, String clientAddress) {
        boolean counted = owner.guest() && clientAddress != null;
        // a window of a minute from the address's first guest cart in it (the counter's expiry)
        String madeKey = prefix + "guest-carts-made:" + (counted ? GuestTokens.hash(clientAddress) : "-");
        List<String> keys = List.of(quantities(owner), lines(owner), madeKey);
        return evalWith(ADD, keys, line.sku(), String.valueOf(quantity), String.valueOf(CartLimits.MAX_QUANTITY),
                String.valueOf(CartLimits.MAX_LINES), json.write(line), ttl(owner), newCartTtl(owner),
                String.valueOf(counted ? guestCartsPerAddress : 0)).map(result -> switch (result) {
                    case -1 -> throw new BrokenRule("sku", "a cart holds at most " + CartLimits.MAX_LINES + " lines");
                    case -2 -> throw new BrokenRule("quantity", "a line holds at most " + CartLimits.MAX_QUANTITY + " units");
                    case -4 -> throw new TooManyAttempts("too many new carts from this address; try again in a minute",
                            java.time.Duration.ofSeconds(60));
                    default -> result;
                });
    }

    public Uni<Integer> setQuantity(Owner owner, String sku, int quantity) {
        return eval(SET, owner, sku, String.valueOf(quantity), ttl(owner)).map(result -> {
            if (result == -3) {
                throw new NotFound("the cart has no line " + sku);
            }
            return result;
        });
    }

    public Uni<Boolean> remove(Owner owner, String sku) {
        return eval(REMOVE, owner, sku).map(removed -> removed > 0);
    }

    public Uni<Void> clear(Owner owner) {
        return redis.key().del(quantities(owner), lines(owner)).replaceWithVoid();
    }

    /** Moves a guest's cart into a user's; returns how many lines did not fit. */
    public Uni<Integer> merge(Owner guest, Owner user) {
        return redis.execute("EVAL", MERGE, "4", quantities(guest), lines(guest), quantities(user), lines(user),
                String.valueOf(CartLimits.MAX_QUANTITY), String.valueOf(CartLimits.MAX_LINES), ttl(user))
                .map(Response::toInteger);
    }

    public Uni<Contents> read(Owner owner) {
        return redis.execute("EVAL", READ, "2", quantities(owner), lines(owner)).map(found -> {
            Map<String, Integer> counts = new HashMap<>();
            List<CartLine> lines = new ArrayList<>();
            for (int i = 0; i + 2 < found.size(); i += 3) {
                String sku = found.get(i).toString();
                counts.put(sku, Integer.parseInt(found.get(i + 1).toString()));
                Response line = found.get(i + 2);
                if (line != null) {
                    lines.add(json.read(line.toString(), CartLine.class));
                }
            }
            return new Contents(lines, counts);
        });
    }

    /** Whether a cart exists (a guest token that opens nothing is refused). */
    public Uni<Boolean> exists(Owner owner) {
        return redis.key().exists(quantities(owner));
    }

    private Uni<Integer> eval(String script, Owner owner, String... args) {
        return evalWith(script, List.of(quantities(owner), lines(owner)), args);
    }

    private Uni<Integer> evalWith(String script, List<String> keys, String... args) {
        List<String> command = new ArrayList<>(List.of(script, String.valueOf(keys.size())));
        command.addAll(keys);
        command.addAll(List.of(args));
        return redis.execute("EVAL", command.toArray(String[]::new)).map(Response::toInteger);
    }

    private String ttl(Owner owner) {
        return String.valueOf((owner.guest() ? guestTtl : userTtl).toSeconds());
    }

    private String newCartTtl(Owner owner) {
        return String.valueOf((owner.guest() ? newGuestTtl : userTtl).toSeconds());
    }

    private String quantities(Owner owner) {
        return prefix + "cart:" + owner.key() + ":quantities";
    }

    private String lines(Owner owner) {
        return prefix + "cart:" + owner.key() + ":lines";
    }
}

package io.mall.notification.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whose order is whose, learned from the order's events (payment and shipping events name only the
 * order). Ids only, so an erasure leaves it: a later event about an erased user's order then finds
 * no contact and is skipped, instead of waiting for an owner that will never be known.
 */
@ApplicationScoped
public class OrderOwners {

    private final Pool database;

    OrderOwners(Pool database) {
        this.database = database;
    }

    /** Remembers the order's owner; true when it was not known before. */
    public Uni<Boolean> remember(UUID orderId, UUID userId, Instant now) {
        return database.preparedQuery("INSERT INTO order_owners (order_id, user_id, seen_at) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING")
                .execute(Tuple.of(orderId, userId, Rows.utc(now))).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<UUID>> ownerOf(UUID orderId) {
        return database.preparedQuery("SELECT user_id FROM order_owners WHERE order_id = $1").execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("user_id")));
    }
}

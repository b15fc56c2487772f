package io.mall.notification.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' devices, by their push tokens. */
@ApplicationScoped
public class DeviceStore {

    /** Users keep a handful of devices; a sender never fans out to more than this many. */
    public static final int MAX_PER_USER = 20;

    private final Pool database;

    DeviceStore(Pool database) {
        this.database = database;
    }

    /**
     * The device is the user's now: a token another user registered moves (the phone changed hands, or
     * its app was signed in to another account). Answers whether it is new to this user. Past
     * {@link #MAX_PER_USER} devices the user's oldest is forgotten.
     */
    public Uni<Boolean> register(UUID userId, String token, String platform, Instant now) {
        return database.withTransaction(connection -> connection.preparedQuery("""
                WITH previous AS (SELECT user_id FROM devices WHERE token = $1)
                INSERT INTO devices (token, user_id, platform, registered_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, platform = excluded.platform,
                    registered_at = excluded.registered_at
                RETURNING (SELECT user_id FROM previous) AS previous_owner""")
                .execute(Tuple.of(token, userId, platform, Rows.utc(now)))
                .chain(rows -> connection.preparedQuery("""
                        DELETE FROM devices WHERE token IN (SELECT token FROM devices WHERE user_id = $1
                            ORDER BY registered_at DESC, token OFFSET $2)""")
                        .execute(Tuple.of(userId, MAX_PER_USER))
                        .replaceWith(!userId.equals(rows.iterator().next().getUUID("previous_owner")))));
    }

    /** Whether the user had this device. */
    public Uni<Boolean> remove(UUID userId, String token) {
        return database.preparedQuery("DELETE FROM devices WHERE token = $1 AND user_id = $2").execute(Tuple.of(token, userId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Forgets a token the push provider no longer knows. */
    public Uni<Void> forget(String token) {
        return database.preparedQuery("DELETE FROM devices WHERE token = $1").execute(Tuple.of(token)).replaceWithVoid();
    }

    public Uni<List<String>> tokensOf(UUID userId) {
        return database.preparedQuery("SELECT token FROM devices WHERE user_id = $1 ORDER BY registered_at DESC LIMIT $2")
                .execute(Tuple.of(userId, MAX_PER_USER))
                .map(rows -> {
                    List<String> tokens = new java.util.ArrayList<>();
                    rows.forEach(row -> tokens.add(row.getString("token")));
                    return tokens;
                });
    }

    public Uni<Void> erase(SqlClient connection, UUID userId) {
        return connection.preparedQuery("DELETE FROM devices WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }
}

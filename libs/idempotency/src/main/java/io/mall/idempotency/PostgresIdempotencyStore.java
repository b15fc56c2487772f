package io.mall.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency keys in a PostgreSQL table, a row each, taken by one statement: an insert, or the
 * take-over of a key whose request was abandoned. Of two requests with one key exactly one gets
 * the row. Not a bean: a service on PostgreSQL makes it its store by extending it (and prunes it
 * on a schedule of its own). The table:
 *
 * <pre>
 * CREATE TABLE idempotency_keys (
 *     scope varchar(300) NOT NULL, key varchar(255) NOT NULL, fingerprint varchar(64) NOT NULL,
 *     status integer, location varchar(2000), body text, taken_at timestamptz NOT NULL,
 *     PRIMARY KEY (scope, key));
 * CREATE INDEX idempotency_keys_age ON idempotency_keys (taken_at);
 * </pre>
 */
public class PostgresIdempotencyStore implements IdempotencyStore {

    private final Pool database;

    protected PostgresIdempotencyStore(Pool database) {
        this.database = database;
    }

    @Override
    public Uni<Optional<IdempotencyRecord>> claim(String scope, String key, String fingerprint, Instant now, Instant abandonedBefore) {
        return database.preparedQuery("INSERT INTO idempotency_keys (scope, key, fingerprint, taken_at) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, taken_at = EXCLUDED.taken_at"
                + " WHERE idempotency_keys.status IS NULL AND idempotency_keys.taken_at < $5"
                + " RETURNING scope")
                .execute(Tuple.of(scope, key, fingerprint, time(now), time(abandonedBefore)))
                .chain(taken -> taken.size() > 0 ? Uni.createFrom().item(Optional.<IdempotencyRecord>empty())
                        : database.preparedQuery("SELECT fingerprint, status, location, body FROM idempotency_keys WHERE scope = $1 AND key = $2")
                                .execute(Tuple.of(scope, key))
                                .chain(rows -> rows.size() == 0
                                        // given back in between: try again
                                        ? claim(scope, key, fingerprint, now, abandonedBefore)
                                        : Uni.createFrom().item(Optional.of(record(rows.iterator().next())))));
    }

    @Override
    public Uni<Void> complete(String scope, String key, StoredResponse response, Instant now) {
        return database.preparedQuery("UPDATE idempotency_keys SET status = $3, location = $4, body = $5, taken_at = $6"
                + " WHERE scope = $1 AND key = $2")
                .execute(Tuple.from(new Object[] { scope, key, response.status(), response.location(), response.body(), time(now) }))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String scope, String key) {
        return database.preparedQuery("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL")
                .execute(Tuple.of(scope, key)).replaceWithVoid();
    }

    /** Forgets keys taken before {@code before}; a failure is left to the next call. */
    protected Uni<Void> prune(Instant before) {
        return database.preparedQuery("DELETE FROM idempotency_keys WHERE taken_at < $1")
                .execute(Tuple.of(time(before)))
                .replaceWithVoid().onFailure().recoverWithNull();
    }

    private static IdempotencyRecord record(Row row) {
        Integer status = row.getInteger("status");
        return new IdempotencyRecord(row.getString("fingerprint"),
                status == null ? null : new StoredResponse(status, row.getString("location"), row.getString("body")));
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

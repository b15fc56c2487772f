package io.mall.shipping.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.domain.Conflict;
import io.mall.shipping.domain.FeeSchedule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The versions of the fee rules. The one in force is read at most every {@link #FRESH_FOR} per
 * replica, so quotes cost no query each and a new version reaches every replica within seconds.
 */
@ApplicationScoped
public class FeeSchedules {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final String UNIQUE_VIOLATION = "23505";

    private record Cached(FeeSchedule schedule, Instant readAt) {
    }

    private final Pool database;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<Cached> current = new AtomicReference<>();

    FeeSchedules(Pool database, ObjectMapper json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    /** The newest version. */
    public Uni<FeeSchedule> current() {
        Cached cached = current.get();
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.readAt().plus(FRESH_FOR))) {
            return Uni.createFrom().item(cached.schedule());
        }
        return database.query("SELECT version, rules FROM fee_schedules ORDER BY version DESC LIMIT 1").execute()
                .map(rows -> read(rows.iterator().next()))
                .invoke(schedule -> current.set(new Cached(schedule, now)));
    }

    public Uni<Optional<FeeSchedule>> version(int version) {
        return database.preparedQuery("SELECT version, rules FROM fee_schedules WHERE version = $1").execute(Tuple.of(version))
                .map(rows -> rows.size() == 0 ? Optional.<FeeSchedule>empty() : Optional.of(read(rows.iterator().next())));
    }

    /**
     * Keeps {@code rules} as the next version and puts it in force here at once. Two
     * administrators publishing at the same moment: one gets the version, the other a conflict.
     */
    public Uni<FeeSchedule> publish(FeeSchedule rules, String by) {
        String text;
        try {
            text = json.writeValueAsString(rules.withVersion(0));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return database.preparedQuery("INSERT INTO fee_schedules (version, rules, created_at, created_by)"
                + " SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM fee_schedules RETURNING version, rules")
                .execute(Tuple.of(text, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by))
                .map(rows -> read(rows.iterator().next()))
                .invoke(published -> current.set(new Cached(published, clock.instant())))
                .onFailure(failure -> failure instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .transform(failure -> new Conflict("another fee schedule was published at the same moment; look at it and try again"));
    }

    private FeeSchedule read(Row row) {
        try {
            return json.readValue(row.getString("rules"), FeeSchedule.class).withVersion(row.getInteger("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fee schedule " + row.getInteger("version") + " cannot be read", e);
        }
    }
}

package io.mall.user.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.domain.LoginThrottle;
import io.mall.user.domain.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sign-in attempts per subject (an account and address, an account, an address), each counted and
 * checked in one statement before any password is: of a burst of parallel attempts, exactly as
 * many go through as the throttle lets. Subjects are stored as SHA-256 hashes, so the table holds
 * no email or address.
 */
@ApplicationScoped
public class LoginAttempts {

    private final Pool database;

    LoginAttempts(Pool database) {
        this.database = database;
    }

    /**
     * Takes one attempt for {@code subject} if it may be made now, and says so; counts it as a
     * failure until {@link #forget} or {@link #giveBack} says otherwise. Counts idle for
     * {@code forgetAfter} start again. Time is the database's, so replicas agree on it.
     */
    public Uni<Boolean> take(String subject, LoginThrottle throttle, Duration forgetAfter) {
        // the delay after n attempts, in SQL: none below the free attempts, then doubling up to the maximum
        String delayAfter = "LEAST(%d, CASE WHEN %s < %d THEN 0 ELSE %d * power(2, LEAST(30, %s - %d)) END)";
        // the database's clock, read after the row is locked: parallel attempts are ordered by it
        String idle = "a.updated_at < clock_timestamp() - make_interval(secs => $2)";
        String counted = "(CASE WHEN " + idle + " THEN 1 ELSE a.failures + 1 END)";
        long first = throttle.firstDelay().toMillis();
        long max = throttle.maxDelay().toMillis();
        int free = throttle.freeAttempts();
        String sql = """
                INSERT INTO login_attempts AS a (subject, failures, next_allowed_at, updated_at)
                VALUES ($1, 1, clock_timestamp() + make_interval(secs => %s / 1000.0), clock_timestamp())
                ON CONFLICT (subject) DO UPDATE SET
                    failures = %s,
                    next_allowed_at = clock_timestamp() + make_interval(secs => %s / 1000.0),
                    updated_at = clock_timestamp()
                WHERE a.failures < %d OR a.next_allowed_at <= clock_timestamp() OR %s
                RETURNING failures""".formatted(
                String.format(delayAfter, max, "1", free, first, "1", free),
                counted,
                String.format(delayAfter, max, counted, free, first, counted, free),
                free, idle);
        return database.preparedQuery(sql)
                .execute(Tuple.of(hash(subject), (double) forgetAfter.toSeconds()))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * A correct password from a subject whose count must not start again (an address that many
     * accounts share): the attempt it took is given back.
     */
    public Uni<Void> giveBack(String subject) {
        return database.preparedQuery("UPDATE login_attempts SET failures = GREATEST(0, failures - 1) WHERE subject = $1")
                .execute(Tuple.of(hash(subject))).replaceWithVoid();
    }

    /** Counts idle for longer than they matter. */
    public Uni<Void> prune(Instant before) {
        return database.preparedQuery("DELETE FROM login_attempts WHERE updated_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC))).replaceWithVoid();
    }

    /** A correct password: this subject's count starts again. */
    public Uni<Void> forget(String subject) {
        return database.preparedQuery("DELETE FROM login_attempts WHERE subject = $1").execute(Tuple.of(hash(subject)))
                .replaceWithVoid();
    }

    private static String hash(String subject) {
        return OpaqueTokens.hash(subject);
    }
}

package io.mall.user.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.SessionsRevoked;
import io.mall.user.UserConfig;
import io.mall.user.store.Outbox;
import io.mall.user.store.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;

/**
 * Ends sign-in sessions: their refresh tokens are revoked here, and {@code user.sessions-revoked}
 * tells every service to refuse the access tokens already issued for them ({@code sid}) until those
 * expire. Both in the caller's transaction, so neither happens without the other.
 */
@ApplicationScoped
public class Revocations {

    /**
     * Verifiers accept a token this long after its expiry ({@code mp.jwt.verify.clock.skew}, one
     * minute by default); revocations last as long.
     */
    private static final Duration VERIFIER_CLOCK_SKEW = Duration.ofMinutes(1);

    /** Keeps each event well inside the contract's limit and Kafka's message size. */
    private static final int SESSIONS_PER_EVENT = 1_000;

    private final RefreshTokenRepository refreshTokens;
    private final Outbox outbox;
    private final Duration accessLifetime;

    Revocations(RefreshTokenRepository refreshTokens, Outbox outbox, UserConfig config) {
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.accessLifetime = config.tokens().accessLifetime();
    }

    /** Ends one session (sign-out, a reused refresh token). Must run inside a transaction. */
    public Uni<Void> endSession(UUID userId, UUID session, Instant now) {
        return refreshTokens.revokeFamily(session, now).chain(() -> announce(userId, List.of(session), now));
    }

    /**
     * Ends every session of the account, except {@code keep} (may be null): a lock, a role or
     * password change, erasure. Must run inside a transaction.
     */
    public Uni<Void> endAllSessions(UUID userId, UUID keep, Instant now) {
        return refreshTokens.familiesActiveSince(userId, now.minus(accessLifetime).minus(VERIFIER_CLOCK_SKEW), keep)
                .call(() -> refreshTokens.revokeAllOf(userId, keep, now))
                .chain(sessions -> sessions.isEmpty() ? Uni.createFrom().voidItem() : announce(userId, sessions, now));
    }

    private Uni<Void> announce(UUID userId, List<UUID> sessions, Instant now) {
        Instant tokensExpireBy = now.plus(accessLifetime).plus(VERIFIER_CLOCK_SKEW);
        Uni<Void> written = Uni.createFrom().voidItem();
        for (int from = 0; from < sessions.size(); from += SESSIONS_PER_EVENT) {
            List<UUID> batch = sessions.subList(from, Math.min(sessions.size(), from + SESSIONS_PER_EVENT));
            written = written.chain(() -> outbox.add(Topics.USER_EVENTS, EventTypes.USER_SESSIONS_REVOKED, userId,
                    new SessionsRevoked(userId, List.copyOf(batch), tokensExpireBy), now));
        }
        return written;
    }
}

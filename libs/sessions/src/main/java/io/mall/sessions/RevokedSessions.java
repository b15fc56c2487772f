package io.mall.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sign-in sessions this replica knows to be revoked, each until the last access token issued
 * for it expires; after that the token's own expiry refuses it, and the session is forgotten.
 * Held in memory: every replica fills its own from {@code user.events} (see {@link SessionRevocations}).
 */
@ApplicationScoped
public class RevokedSessions {

    /** Forgetting walks the whole map, so it happens at most this often, not on every revocation. */
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);

    /** Tokens of {@code sessions} are refused until {@code tokensExpireBy}; a revocation that is over already changes nothing. */
    public void revoke(Collection<UUID> sessions, Instant tokensExpireBy, Instant now) {
        if (tokensExpireBy.isAfter(now)) {
            for (UUID session : sessions) {
                revokedUntil.merge(session.toString(), tokensExpireBy, (known, later) -> later.isAfter(known) ? later : known);
            }
        }
        forgetEnded(now);
    }

    public boolean isRevoked(String session, Instant now) {
        Instant until = revokedUntil.get(session);
        return until != null && now.isBefore(until);
    }

    /** How many sessions are held (revoked, and some whose tokens expired since the last forgetting). */
    public int size() {
        return revokedUntil.size();
    }

    private void forgetEnded(Instant now) {
        Instant last = lastForgotten.get();
        if (now.isBefore(last.plus(FORGET_EVERY)) || !lastForgotten.compareAndSet(last, now)) {
            return;
        }
        revokedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}

package io.mall.user.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One refresh token, known here only by its hash. Each refresh uses up the presented token and
 * issues the next one of the same family; a used token presented again means it was stolen, and
 * the whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    public UUID id;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** When the sign-in that started this family happened: the session ends a fixed time after it. */
    @Column(name = "session_started_at")
    public Instant sessionStartedAt;

    /** The first token of a new session (a sign-in). */
    public static RefreshToken issue(UUID userId, UUID familyId, String tokenHash, Instant now, Duration lifetime) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = userId;
        token.tokenHash = tokenHash;
        token.createdAt = now;
        token.sessionStartedAt = now;
        token.expiresAt = now.plus(lifetime);
        return token;
    }

    /**
     * The token that follows this one at a refresh: it lives {@code lifetime}, but never past the
     * end of the session ({@code sessionLifetime} after its sign-in), so refreshing cannot keep a
     * session alive for ever.
     */
    public RefreshToken next(String nextHash, Instant now, Duration lifetime, Duration sessionLifetime) {
        RefreshToken next = issue(userId, familyId, nextHash, now, lifetime);
        next.sessionStartedAt = sessionStartedAt;
        Instant sessionEnds = sessionStartedAt.plus(sessionLifetime);
        if (next.expiresAt.isAfter(sessionEnds)) {
            next.expiresAt = sessionEnds;
        }
        return next;
    }

    /** Whether the session this token belongs to has run its whole course. */
    public boolean sessionOver(Instant now, Duration sessionLifetime) {
        return !now.isBefore(sessionStartedAt.plus(sessionLifetime));
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }

    /** Presented again after it was used: someone else holds a copy. */
    public boolean isReplay() {
        return usedAt != null;
    }
}

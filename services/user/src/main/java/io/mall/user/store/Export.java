package io.mall.user.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's data as this service holds it (right of access): the account and its sign-in sessions. */
public record Export(Account account, List<Session> sessions) {

    /** One refresh-token issued to the account; the token itself is never stored. */
    public record Session(UUID session, Instant issuedAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }
}

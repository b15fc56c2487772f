package io.mall.user.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.mall.user.domain.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** The token with this hash, locked until the transaction ends, so two refreshes cannot both use it. */
    public Uni<RefreshToken> findForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = :now where familyId = :family and revokedAt is null",
                Parameters.with("now", now).and("family", familyId));
    }

    /** Signs the account out everywhere, except the session {@code keepFamily} (may be null). */
    public Uni<Integer> revokeAllOf(UUID userId, UUID keepFamily, Instant now) {
        if (keepFamily == null) {
            return update("revokedAt = :now where userId = :user and revokedAt is null",
                    Parameters.with("now", now).and("user", userId));
        }
        return update("revokedAt = :now where userId = :user and familyId <> :keep and revokedAt is null",
                Parameters.with("now", now).and("user", userId).and("keep", keepFamily));
    }
}

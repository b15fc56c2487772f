package io.mall.user.store;

import java.time.Instant;
import java.util.List;
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

    /**
     * The sessions of the account that issued a token since {@code since} (except {@code keepFamily},
     * may be null): the ones whose access tokens may still be alive.
     */
    public Uni<List<UUID>> familiesActiveSince(UUID userId, Instant since, UUID keepFamily) {
        String query = "select distinct familyId from RefreshToken where userId = :user and createdAt >= :since"
                + (keepFamily == null ? "" : " and familyId <> :keep");
        return getSession().chain(session -> {
            var select = session.createSelectionQuery(query, UUID.class).setParameter("user", userId).setParameter("since", since);
            if (keepFamily != null) {
                select.setParameter("keep", keepFamily);
            }
            return select.getResultList();
        });
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

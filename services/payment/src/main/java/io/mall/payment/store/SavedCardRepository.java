package io.mall.payment.store;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.payment.domain.SavedCard;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SavedCardRepository implements PanacheRepositoryBase<SavedCard, UUID> {

    public Uni<List<SavedCard>> of(UUID userId) {
        return list("userId", Sort.by("createdAt").descending(), userId);
    }

    public Uni<SavedCard> findByToken(UUID userId, String gateway, String token) {
        return find("userId = ?1 and gateway = ?2 and gatewayToken = ?3", userId, gateway, token).firstResult();
    }

    /** Deletes the card only if it is {@code userId}'s: another shopper's card id deletes nothing. */
    public Uni<Boolean> deleteOwned(UUID id, UUID userId) {
        return delete("id = ?1 and userId = ?2", id, userId).map(count -> count > 0);
    }
}

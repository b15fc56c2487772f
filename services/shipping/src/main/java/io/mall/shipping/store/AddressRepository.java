package io.mall.shipping.store;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.shipping.domain.Address;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AddressRepository implements PanacheRepositoryBase<Address, UUID> {

    /** The default first, then newest first. */
    public Uni<List<Address>> of(UUID userId) {
        return list("userId", Sort.by("isDefault").descending().and("createdAt").descending().and("id"), userId);
    }

    /**
     * Every address of the shopper, after taking the shopper's address-book lock for the rest of
     * the transaction: changes to one book (the first address, a new default, a delete of the
     * default) happen one at a time, also when the book is empty and there is no row to lock.
     */
    public Uni<List<Address>> ofLocked(UUID userId) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(1 AS integer) FROM pg_advisory_xact_lock(hashtextextended(:book, 0))", Integer.class)
                .setParameter("book", "address-book:" + userId)
                .getSingleResult())
                .chain(() -> find("userId", Sort.by("createdAt").descending().and("id"), userId).list());
    }
}

package io.mall.payment.store;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.payment.domain.Transaction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TransactionRepository implements PanacheRepositoryBase<Transaction, UUID> {

    public Uni<List<Transaction>> ofPayment(UUID paymentId) {
        return list("paymentId", Sort.by("createdAt").and("id"), paymentId);
    }

    /** Newest first; {@code userId} or {@code orderId} null: not filtered by it. */
    public Uni<List<Transaction>> page(UUID userId, UUID orderId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (userId != null) {
            where.append(" and userId = :user");
            parameters.and("user", userId);
        }
        if (orderId != null) {
            where.append(" and orderId = :order");
            parameters.and("order", orderId);
        }
        return find(where.toString(), Sort.by("createdAt").descending().and("id"), parameters).page(Page.of(page, size)).list();
    }
}

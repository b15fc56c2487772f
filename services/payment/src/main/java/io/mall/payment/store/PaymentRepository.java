package io.mall.payment.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.mall.payment.domain.Payment;
import io.mall.payment.domain.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public Uni<Payment> findByOrder(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }

    /** The order's payment, locked until the transaction ends: changes to one payment happen one at a time. */
    public Uni<Payment> findByOrderForUpdate(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Payment> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Payment> findByReference(String gateway, String reference) {
        return find("gateway = ?1 and gatewayReference = ?2", gateway, reference).firstResult();
    }

    /** Newest first; {@code userId} null: everyone's. */
    public Uni<List<Payment>> page(UUID userId, UUID orderId, int page, int size) {
        return query(userId, orderId).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(UUID userId, UUID orderId) {
        return query(userId, orderId).count();
    }

    /** Payments whose gateway answer is awaited since before {@code before}: their outcome is unknown. */
    public Uni<List<Payment>> unanswered(Instant before, int limit) {
        return find("status = ?1 and updatedAt < ?2", Sort.by("updatedAt"), PaymentStatus.PENDING, before)
                .page(Page.ofSize(limit)).list();
    }

    /** Payments waiting for a shopper past their expiry. */
    public Uni<List<Payment>> expired(Instant now, int limit) {
        return find("status = ?1 and expiresAt <= ?2", Sort.by("expiresAt"), PaymentStatus.ACTION_REQUIRED, now)
                .page(Page.ofSize(limit)).list();
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<Payment> query(UUID userId, UUID orderId) {
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
        return find(where.toString(), Sort.by("createdAt").descending().and("id"), parameters);
    }
}

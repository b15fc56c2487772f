package io.mall.payment.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    private final Pool database;

    PaymentRepository(Pool database) {
        this.database = database;
    }

    /**
     * Records a payment that has just started, unless its order has one already: one statement
     * that decides and writes at once (two deliveries of one charge racing each other included),
     * so a charge costs no transaction of its own before the gateway is called.
     *
     * @return whether it was recorded; false when the order's payment exists
     */
    public Uni<Boolean> addUnlessOrderHasOne(Payment payment) {
        return database.preparedQuery("""
                INSERT INTO payments (id, order_id, user_id, method, status, currency, amount_minor, authorise_only, gateway,
                    card_token, saved_card_id, save_card, card_brand, card_last4, return_url, created_at, updated_at, version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                ON CONFLICT (order_id) DO NOTHING""")
                .execute(Tuple.from(new Object[] { payment.id, payment.orderId, payment.userId, payment.method.name(),
                        payment.status.name(), payment.currency, payment.amountMinor, payment.authoriseOnly, payment.gateway,
                        payment.cardToken, payment.savedCardId, payment.saveCard, payment.cardBrand, payment.cardLast4,
                        payment.returnUrl, utc(payment.createdAt), utc(payment.updatedAt), payment.version }))
                .map(result -> result.rowCount() == 1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

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

package io.mall.payment.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.payment.domain.Refund;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    public Uni<List<Refund>> ofPayment(UUID paymentId) {
        return list("paymentId", Sort.by("createdAt"), paymentId);
    }

    /** Refunds sent to the gateway before {@code before} and not answered: they are sent again with the same key. */
    public Uni<List<Refund>> unanswered(Instant before, int limit) {
        return find("status = ?1 and createdAt < ?2", Sort.by("createdAt"), Refund.Status.PENDING, before)
                .page(Page.ofSize(limit)).list();
    }
}

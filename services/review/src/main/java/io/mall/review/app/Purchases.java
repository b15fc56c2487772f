package io.mall.review.app;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.review.domain.Purchase;
import io.mall.review.store.PurchaseRepository;
import io.mall.review.store.ReviewRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Learns who received what from the order service's deliveries: the eligibility to review. */
@ApplicationScoped
public class Purchases {

    /** A product delivered in an order. */
    public record Delivered(String productId, String name) {
    }

    /** A product the user received, and whether they reviewed it. */
    public record Reviewable(String orderId, String productId, String productName, Instant deliveredAt, boolean reviewed) {
    }

    private final PurchaseRepository purchases;
    private final ReviewRepository reviews;

    Purchases(PurchaseRepository purchases, ReviewRepository reviews) {
        this.purchases = purchases;
        this.reviews = reviews;
    }

    /** What the user received lately (the last 100 products), each with whether they reviewed it. */
    public Uni<List<Reviewable>> of(String userId) {
        return purchases.ofUser(userId, 100).chain(bought -> reviews.reviewedBy(userId, bought.stream().map(p -> p.orderId).distinct().toList())
                .map(reviewed -> bought.stream().map(p -> new Reviewable(p.orderId, p.productId, p.productName, p.deliveredAt,
                        reviewed.contains(p.id))).toList()));
    }

    public Uni<Void> delivered(String userId, String orderId, List<Delivered> products, Instant at) {
        return Multi.createFrom().iterable(products).onItem().transformToUniAndConcatenate(product -> {
            Purchase purchase = new Purchase();
            purchase.id = Purchase.key(orderId, product.productId());
            purchase.userId = userId;
            purchase.orderId = orderId;
            purchase.productId = product.productId();
            purchase.productName = product.name();
            purchase.deliveredAt = at;
            return purchases.record(purchase);
        }).collect().asList().replaceWithVoid();
    }
}

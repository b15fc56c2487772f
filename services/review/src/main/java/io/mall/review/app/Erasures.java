package io.mall.review.app;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.review.store.PurchaseRepository;
import io.mall.review.store.ReviewRepository;
import io.smallrye.mutiny.Uni;

/**
 * Forgets an erased user: their reviews stay (what they said of a product is the shop's record, and
 * the statistics keep counting it) but name no author; their votes and reports stay counted without
 * their id; what they bought is forgotten.
 */
@ApplicationScoped
public class Erasures {

    private final ReviewRepository reviews;
    private final PurchaseRepository purchases;

    Erasures(ReviewRepository reviews, PurchaseRepository purchases) {
        this.reviews = reviews;
        this.purchases = purchases;
    }

    public Uni<Void> erase(String userId) {
        return reviews.forgetAuthor(userId).chain(() -> purchases.forget(userId));
    }
}

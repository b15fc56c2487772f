package io.mall.review.app;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.domain.NotPermitted;
import io.mall.review.domain.Review;
import io.mall.review.store.PurchaseRepository;
import io.mall.review.store.ReviewRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Shoppers' reviews: written by those who received the product, once per order; edited within the
 * window and taken back by their author; read by everyone once approved; voted helpful and reported
 * by readers. Each change is screened where it changes the text, written on its revision, then
 * counted in the product's statistics.
 */
@ApplicationScoped
public class Reviewing {

    /** readers' votes and reports on one review at once are applied one after the other, this many times at most */
    private static final int ATTEMPTS = 20;

    private final ReviewRepository reviews;
    private final PurchaseRepository purchases;
    private final Screening screening;
    private final Counting counting;
    private final Clock clock;

    Reviewing(ReviewRepository reviews, PurchaseRepository purchases, Screening screening, Counting counting, Clock clock) {
        this.reviews = reviews;
        this.purchases = purchases;
        this.screening = screening;
        this.counting = counting;
        this.clock = clock;
    }

    void createIndexes(@Observes @Priority(1) StartupEvent start) {
        reviews.createIndexes().chain(purchases::createIndexes).await().indefinitely();
    }

    /** A shopper reviews a product of an order that reached them. */
    public Uni<Review> write(String author, String orderId, String productId, int rating, String title, String text, List<String> images) {
        Review review = Review.write(productId, orderId, author, rating, title, text, images, clock.instant());
        return purchases.find(orderId, productId).chain(purchase -> {
            if (purchase == null || !author.equals(purchase.userId)) {
                throw new NotPermitted("only a shopper whose order with this product was delivered may review it");
            }
            return screening.screen(review, false);
        }).chain(reviews::insert).call(counting::count);
    }

    public Uni<Review> edit(String editor, String id, int rating, String title, String text, List<String> images) {
        return found(id).chain(review -> {
            review.edit(editor, rating, title, text, images, clock.instant());
            return screening.screen(review, true);
        }).chain(review -> written(review, "the review changed meanwhile; read it again and edit that")).call(counting::count);
    }

    public Uni<Review> delete(String author, String id) {
        return found(id).invoke(review -> review.delete(author, clock.instant()))
                .chain(review -> written(review, "the review changed meanwhile; try again")).call(counting::count);
    }

    /** An approved review, or the caller's own in any state but deleted; staff see every one. */
    public Uni<Review> read(String caller, boolean staff, String id) {
        return found(id).invoke(review -> {
            boolean own = caller != null && caller.equals(review.authorId);
            if (!review.isPublic() && !staff && !(own && review.status != io.mall.review.domain.ReviewStatus.DELETED)) {
                throw new NotFound("no review " + id);
            }
        });
    }

    public Uni<ReviewRepository.Page> ofProduct(String productId, Integer rating, ReviewRepository.Order order, int page, int size) {
        return reviews.publicPage(productId, rating, order, page, size);
    }

    public Uni<ReviewRepository.Page> mine(String author, int page, int size) {
        return reviews.byAuthor(author, page, size);
    }

    public Uni<Review> voteHelpful(String voter, String id) {
        return retried(id, review -> review.voteHelpful(voter), ATTEMPTS);
    }

    public Uni<Review> report(String reporter, String id, String reason) {
        return retried(id, review -> review.report(reporter, reason, clock.instant()), ATTEMPTS).call(counting::count);
    }

    /** Readers' actions commute: one that lost the race to another is decided again on a fresh read. */
    private Uni<Review> retried(String id, Consumer<Review> change, int attemptsLeft) {
        return found(id).chain(review -> {
            change.accept(review);
            return reviews.replace(review).chain(done -> {
                if (done) {
                    return Uni.createFrom().item(review);
                }
                if (attemptsLeft <= 1) {
                    throw new Conflict("the review is changing too often; try again");
                }
                return retried(id, change, attemptsLeft - 1);
            });
        });
    }

    private Uni<Review> written(Review review, String conflict) {
        return reviews.replace(review).map(done -> {
            if (!done) {
                throw new Conflict(conflict);
            }
            return review;
        });
    }

    private Uni<Review> found(String id) {
        return reviews.findById(id).map(review -> {
            if (review == null) {
                throw new NotFound("no review " + id);
            }
            return review;
        });
    }
}

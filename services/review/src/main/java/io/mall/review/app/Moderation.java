package io.mall.review.app;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.review.domain.Review;
import io.mall.review.domain.ReviewStatus;
import io.mall.review.store.ReviewRepository;
import io.smallrye.mutiny.Uni;

/**
 * The moderators' side: the queue of what waits (filtered by status, spam score, product, reports),
 * decisions recorded with who and why, and the shop's replies. Two moderators deciding one review at
 * once: the second is told it changed (409) and decides again on what the first did.
 */
@ApplicationScoped
public class Moderation {

    private final ReviewRepository reviews;
    private final Counting counting;
    private final Clock clock;

    Moderation(ReviewRepository reviews, Counting counting, Clock clock) {
        this.reviews = reviews;
        this.counting = counting;
        this.clock = clock;
    }

    public Uni<ReviewRepository.Page> queue(ReviewRepository.QueueFilter filter, int page, int size) {
        return reviews.queue(filter, page, size);
    }

    public Uni<Review> decide(String moderator, String id, ReviewStatus outcome, String reason) {
        return found(id).invoke(review -> review.moderate(outcome, moderator, reason, clock.instant()))
                .chain(review -> reviews.replace(review).map(done -> {
                    if (!done) {
                        throw new Conflict("the review changed meanwhile; look at it again");
                    }
                    return review;
                }))
                .call(counting::count);
    }

    public Uni<Review> reply(String by, String id, String text) {
        return found(id).invoke(review -> review.reply(text, by, clock.instant()))
                .chain(review -> reviews.replace(review).map(done -> {
                    if (!done) {
                        throw new Conflict("the review changed meanwhile; look at it again");
                    }
                    return review;
                }));
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

package io.mall.review.api;

import java.time.Instant;
import java.util.List;

import io.mall.review.domain.Decision;
import io.mall.review.domain.Review;
import io.mall.review.domain.ReviewStatus;

/**
 * A review as its reader may see it: the public part for everyone (no author: a review says "a
 * verified buyer"), its status for its author, and how it was screened and decided for staff.
 */
public record ReviewView(String id, String productId, int rating, String title, String text, List<String> images, String language,
        long helpful, ReplyView reply, Instant createdAt, Instant updatedAt, boolean verifiedPurchase, ReviewStatus status,
        Moderation moderation) {

    public record ReplyView(String text, Instant at) {
    }

    /** For SUPPORT and ADMIN. */
    public record Moderation(String orderId, String authorId, double spamScore, List<String> spamSignals, int reports,
            List<String> reportReasons, List<Decision> decisions) {
    }

    static ReviewView of(Review review, String caller, boolean staff) {
        boolean own = caller != null && caller.equals(review.authorId);
        return new ReviewView(review.id, review.productId, review.rating, review.title, review.text, List.copyOf(review.images),
                review.language, review.helpful, review.reply == null ? null : new ReplyView(review.reply.text, review.reply.at),
                review.createdAt, review.updatedAt, true, own || staff ? review.status : null,
                staff ? new Moderation(review.orderId, review.authorId, review.spamScore, List.copyOf(review.spamSignals), review.reporters.size(),
                        List.copyOf(review.reportReasons), List.copyOf(review.decisions)) : null);
    }
}

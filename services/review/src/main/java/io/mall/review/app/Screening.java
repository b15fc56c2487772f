package io.mall.review.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.review.ReviewConfig;
import io.mall.review.domain.Review;
import io.mall.review.domain.SpamFilter;
import io.mall.review.domain.SpamModel;
import io.mall.review.domain.SpamSignals;
import io.mall.review.store.ReviewRepository;
import io.smallrye.mutiny.Uni;

/**
 * Screens a review's text with the spam model and the signals its author's behaviour gives (the
 * same text from other accounts, a burst of reviews), and sets its status by the score: published
 * at once, waiting for a moderator, or held as likely spam.
 */
@ApplicationScoped
public class Screening {

    private final SpamFilter filter;
    private final ReviewRepository reviews;
    private final Duration sameTextWindow;
    private final Clock clock;

    Screening(ReviewConfig config, ReviewRepository reviews, Clock clock) {
        this.filter = new SpamFilter(load(config.spam().model()), config.spam().approveBelow(), config.spam().holdFrom());
        this.reviews = reviews;
        this.sameTextWindow = config.spam().sameTextWindow();
        this.clock = clock;
    }

    /** @param stored whether the review is in the store already (an edit) or not yet (a new one) */
    public Uni<Review> screen(Review review, boolean stored) {
        var now = clock.instant();
        Uni<Long> sameText = reviews.otherAuthorsWithText(review.textHash, review.authorId, now.minus(sameTextWindow));
        Uni<Long> recent = reviews.writtenBySince(review.authorId, now.minus(Duration.ofHours(1)));
        return Uni.combine().all().unis(sameText, recent).asTuple().map(counts -> {
            long written = counts.getItem2() + (stored ? 0 : 1);
            SpamFilter.Verdict verdict = filter.score(review.title + "\n" + review.text,
                    SpamSignals.inBehaviour(counts.getItem1(), written));
            review.screened(verdict.score(), verdict.signals(), filter.decide(verdict), now);
            return review;
        });
    }

    public String modelVersion() {
        return filter.model().version();
    }

    private static SpamModel load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no spam model " + resource + " on the class path; ./mall train-spam makes one");
            }
            return SpamModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

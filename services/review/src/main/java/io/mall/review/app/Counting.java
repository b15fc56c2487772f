package io.mall.review.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.review.ReviewStatsChanged;
import io.mall.review.domain.Review;
import io.mall.review.domain.Statistics;
import io.mall.review.store.Events;
import io.mall.review.store.OutboxWritten;
import io.mall.review.store.ReviewRepository;
import io.mall.review.store.StatisticsRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps each product's statistics equal to its approved reviews, incrementally: after a review's
 * change its product counts it as it now is (or no more), once however often that is applied, and
 * publishes the new statistics on {@code review.events} in the same write. Changes of one product at
 * once are written one after the other (a conditional write on the version, tried again on a fresh
 * read when another came first). A crash between a review's write and its counting is caught by the
 * recount of uncounted reviews; a full recount of a product gives the same numbers.
 */
@ApplicationScoped
public class Counting {

    private static final Logger LOG = Logger.getLogger(Counting.class);
    /** plenty for dozens of changes of one product at the same moment */
    private static final int ATTEMPTS = 500;

    private final StatisticsRepository statistics;
    private final ReviewRepository reviews;
    private final Events events;
    private final Event<OutboxWritten> written;
    private final Clock clock;

    Counting(StatisticsRepository statistics, ReviewRepository reviews, Events events, Event<OutboxWritten> written, Clock clock) {
        this.statistics = statistics;
        this.reviews = reviews;
        this.events = events;
        this.written = written;
        this.clock = clock;
    }

    public Uni<Statistics> of(String productId) {
        return statistics.of(productId);
    }

    /** Counts the review as it is at its revision, then notes that it is counted. */
    public Uni<Void> count(Review review) {
        return change(review.productId, current -> current.count(review.id, review.countsAs(), review.revision), ATTEMPTS)
                .chain(() -> reviews.markCounted(review.id, review.revision));
    }

    /** Counts the product's approved reviews afresh; answers the statistics (a new version only when they differed). */
    public Uni<Statistics> recount(String productId) {
        return reviews.howEachCounts(productId).chain(all -> change(productId, current -> current.recount(all), ATTEMPTS))
                .chain(() -> statistics.of(productId));
    }

    public Uni<Integer> recountAll() {
        return reviews.reviewedProducts().chain(products -> Multi.createFrom().iterable(products)
                .onItem().transformToUniAndConcatenate(this::recount).collect().asList().map(List::size));
    }

    // a review written but not counted (the replica died between the two writes) is counted here
    @Scheduled(every = "${mall.review.recount-interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> countMissed() {
        return reviews.uncounted(clock.instant().minus(Duration.ofSeconds(10)), 100)
                .chain(missed -> Multi.createFrom().iterable(missed).onItem().transformToUniAndConcatenate(this::count).collect().asList())
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("counting missed reviews: %s", failure.getMessage());
                    return null;
                });
    }

    private Uni<Void> change(String productId, java.util.function.Predicate<Statistics> change, int attemptsLeft) {
        return statistics.of(productId).chain(current -> {
            long read = current.version;
            if (!change.test(current)) {
                return Uni.createFrom().voidItem();
            }
            var event = events.event(Topics.REVIEW_EVENTS, EventTypes.REVIEW_STATS_CHANGED, productId,
                    new ReviewStatsChanged(productId, current.count, current.average(), List.copyOf(current.histogram), current.version));
            return statistics.write(current, read, event).chain(done -> {
                if (done) {
                    written.fire(new OutboxWritten(StatisticsRepository.COLLECTION, List.of(productId)));
                    return Uni.createFrom().voidItem();
                }
                if (attemptsLeft <= 1) {
                    return Uni.createFrom().failure(new IllegalStateException("the statistics of " + productId + " kept changing"));
                }
                return change(productId, change, attemptsLeft - 1);
            });
        });
    }
}

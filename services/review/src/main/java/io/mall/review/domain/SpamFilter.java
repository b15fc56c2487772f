package io.mall.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a review from 0 (surely genuine) to 1 (surely spam) by the model and the signals, and
 * decides what happens to it: below {@code approveBelow} it is published at once; at or above
 * {@code holdFrom} it is held as likely spam; in between it waits for a moderator.
 */
public record SpamFilter(SpamModel model, double approveBelow, double holdFrom) {

    /** The score and what made it. */
    public record Verdict(double score, List<String> signals, String modelVersion) {
    }

    public SpamFilter {
        if (!(approveBelow > 0 && approveBelow <= holdFrom && holdFrom < 1)) {
            throw new IllegalArgumentException("need 0 < approveBelow <= holdFrom < 1");
        }
    }

    public Verdict score(String text, List<SpamSignals.Signal> behaviour) {
        List<SpamSignals.Signal> signals = new ArrayList<>(SpamSignals.inText(text));
        signals.addAll(behaviour);
        double logOdds = model.logOdds(text);
        for (SpamSignals.Signal signal : signals) {
            logOdds += signal.weight();
        }
        return new Verdict(1 / (1 + Math.exp(-logOdds)), signals.stream().map(SpamSignals.Signal::name).toList(), model.version());
    }

    public ReviewStatus decide(Verdict verdict) {
        if (verdict.score() < approveBelow) {
            return ReviewStatus.APPROVED;
        }
        return verdict.score() >= holdFrom ? ReviewStatus.HELD : ReviewStatus.PENDING;
    }
}

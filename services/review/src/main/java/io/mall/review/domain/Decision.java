package io.mall.review.domain;

import java.time.Instant;

/** One change of a review's status, with who made it and why (the spam filter and readers' reports decide too). */
public class Decision {

    public ReviewStatus status;
    /** a moderator's user id, {@code spam-filter}, {@code reports} or {@code author} */
    public String by;
    public String reason;
    public Instant at;

    public Decision() {
    }

    public Decision(ReviewStatus status, String by, String reason, Instant at) {
        this.status = status;
        this.by = by;
        this.reason = reason;
        this.at = at;
    }
}

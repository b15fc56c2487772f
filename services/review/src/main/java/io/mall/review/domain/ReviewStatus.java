package io.mall.review.domain;

/** Where a review stands; only {@code APPROVED} ones are public and counted. */
public enum ReviewStatus {
    /** waits for a moderator */
    PENDING,
    /** waits for a moderator, and looks like spam: the queue shows it apart */
    HELD,
    APPROVED,
    REJECTED,
    /** its author took it back; it keeps its order's one review */
    DELETED;

    public boolean awaitsModeration() {
        return this == PENDING || this == HELD;
    }
}

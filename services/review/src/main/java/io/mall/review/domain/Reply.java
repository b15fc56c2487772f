package io.mall.review.domain;

import java.time.Instant;

/** The shop's answer to a review, by a SUPPORT or ADMIN user. */
public class Reply {

    public String text;
    public String by;
    public Instant at;

    public Reply() {
    }

    public Reply(String text, String by, Instant at) {
        this.text = text;
        this.by = by;
        this.at = at;
    }
}

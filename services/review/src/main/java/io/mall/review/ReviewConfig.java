package io.mall.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The review service's settings ({@code mall.review.*}). */
@ConfigMapping(prefix = "mall.review")
public interface ReviewConfig {

    Spam spam();

    Outbox outbox();

    /** how often reviews whose last change the statistics may have missed are counted again */
    @WithDefault("30s")
    String recountInterval();

    interface Spam {
        /** the model file on the class path */
        @WithDefault("spam/model-v1.tsv.gz")
        String model();

        /** below this score a review is published at once */
        @WithDefault("0.5")
        double approveBelow();

        /** from this score on a review is held as likely spam */
        @WithDefault("0.9")
        double holdFrom();

        /** how far back the same text from other accounts counts */
        @WithDefault("P30D")
        Duration sameTextWindow();
    }

    interface Outbox {
        @WithDefault("5s")
        String retryInterval();

        @WithDefault("10m")
        String sweepInterval();
    }
}

package io.mall.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void aReviewCountsOnceHoweverOftenItsChangeIsApplied() {
        Statistics statistics = Statistics.empty("p-1");

        assertThat(statistics.count("r-1", 5, 0)).isTrue();
        assertThat(statistics.count("r-1", 5, 0)).isFalse();
        assertThat(statistics.count("r-2", 3, 0)).isTrue();

        assertThat(statistics.count).isEqualTo(2);
        assertThat(statistics.average()).isEqualTo(4.0);
        assertThat(statistics.histogram).containsExactly(0L, 0L, 1L, 0L, 1L);
        assertThat(statistics.version).isEqualTo(2);
    }

    @Test
    void anEditMovesTheRatingAndALateOlderChangeIsIgnored() {
        Statistics statistics = Statistics.empty("p-1");
        statistics.count("r-1", 5, 0);
        statistics.count("r-1", 2, 1);
        statistics.count("r-1", null, 3);

        assertThat(statistics.count("r-1", 4, 2)).as("decided on revision 2, arriving after revision 3").isFalse();
        assertThat(statistics.count).isZero();
        assertThat(statistics.sum).isZero();
        assertThat(statistics.histogram).containsOnly(0L);
    }

    @Test
    void aRecountOfTheSameReviewsChangesNothingAndOfOthersGivesTheirNumbers() {
        Statistics statistics = Statistics.empty("p-1");
        statistics.count("r-1", 5, 0);
        statistics.count("r-2", 1, 4);
        long version = statistics.version;

        assertThat(statistics.recount(Map.of("r-1", new Statistics.Counted(5, 0), "r-2", new Statistics.Counted(1, 4)))).isFalse();
        assertThat(statistics.version).isEqualTo(version);
        assertThat(statistics.recount(Map.of("r-1", new Statistics.Counted(5, 0), "r-2", new Statistics.Counted(null, 5),
                "r-3", new Statistics.Counted(4, 1)))).isTrue();
        assertThat(statistics.count).isEqualTo(2);
        assertThat(statistics.average()).isEqualTo(4.5);
        assertThat(statistics.histogram).containsExactly(0L, 0L, 0L, 1L, 1L);
        assertThat(statistics.version).isEqualTo(version + 1);
    }
}

package io.mall.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.domain.NotPermitted;

class ReviewTest {

    private final Instant now = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aReviewRatesOneToFiveSaysSomethingAndShowsOnlyHttpsImages() {
        assertThat(write(5, "좋아요", List.of("https://img.mall.test/a.jpg")).language).isEqualTo("ko");
        assertThat(write(3, "Fine, a bit small.", List.of()).language).isEqualTo("en");
        assertThatThrownBy(() -> write(0, "x", List.of())).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("rating");
        assertThatThrownBy(() -> write(6, "x", List.of())).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("rating");
        assertThatThrownBy(() -> write(4, "   ", List.of())).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("text");
        assertThatThrownBy(() -> write(4, "x".repeat(5_001), List.of())).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("text");
        for (String image : List.of("http://img.mall.test/a.jpg", "javascript:alert(1)", "data:image/png;base64,AAAA", "https://",
                "https://user:pass@img.mall.test/a.jpg", "ftp://img.mall.test/a.jpg")) {
            assertThatThrownBy(() -> write(4, "ok", List.of("https://img.mall.test/ok.jpg", image))).as(image)
                    .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("images[1]");
        }
        assertThatThrownBy(() -> write(4, "ok", List.of("https://a.test/1", "https://a.test/2", "https://a.test/3", "https://a.test/4",
                "https://a.test/5", "https://a.test/6"))).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("images");
    }

    @Test
    void onlyItsAuthorEditsItAndOnlyWithinThirtyDays() {
        Review review = write(4, "good", List.of());

        assertThatThrownBy(() -> review.edit("someone else", 5, "", "better", List.of(), now)).isInstanceOf(NotPermitted.class);
        review.edit("author", 2, "Update", "broke after a week", List.of(), now.plus(Duration.ofDays(29)));
        assertThat(review.rating).isEqualTo(2);
        assertThat(review.title).isEqualTo("Update");
        assertThatThrownBy(() -> review.edit("author", 1, "", "still broken", List.of(), now.plus(Duration.ofDays(31))))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("30 days");
    }

    @Test
    void readersVoteOnceEachButNeverForTheirOwnAndOnlyOnWhatIsPublished() {
        Review review = write(5, "great", List.of());
        assertThatThrownBy(() -> review.voteHelpful("reader")).isInstanceOf(NotFound.class);
        review.moderate(ReviewStatus.APPROVED, "moderator", null, now);

        review.voteHelpful("reader");
        assertThatThrownBy(() -> review.voteHelpful("reader")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> review.voteHelpful("author")).isInstanceOf(NotPermitted.class);
        assertThat(review.helpful).isEqualTo(1);
    }

    @Test
    void enoughReportsSendAnApprovedReviewBackToTheModerators() {
        Review review = write(5, "great", List.of());
        review.moderate(ReviewStatus.APPROVED, "moderator", null, now);

        review.report("a", "abusive", now);
        review.report("b", "abusive", now);
        assertThatThrownBy(() -> review.report("a", "again", now)).isInstanceOf(Conflict.class);
        assertThat(review.status).isEqualTo(ReviewStatus.APPROVED);
        review.report("c", "spam", now);

        assertThat(review.status).isEqualTo(ReviewStatus.PENDING);
        assertThat(review.countsAs()).isNull();
        assertThat(review.decisions).last().satisfies(decision -> {
            assertThat(decision.by).isEqualTo("reports");
            assertThat(decision.reason).contains("3 readers");
        });
    }

    @Test
    void moderatorsApproveOrRejectWithAReasonAndEveryDecisionIsRecorded() {
        Review review = write(1, "terrible", List.of());

        assertThatThrownBy(() -> review.moderate(ReviewStatus.REJECTED, "moderator", " ", now)).isInstanceOf(BrokenRule.class)
                .extracting("field").isEqualTo("reason");
        assertThatThrownBy(() -> review.moderate(ReviewStatus.DELETED, "moderator", "x", now)).isInstanceOf(BrokenRule.class);
        review.moderate(ReviewStatus.REJECTED, "moderator-1", "insults the courier", now);
        assertThatThrownBy(() -> review.moderate(ReviewStatus.REJECTED, "moderator-2", "again", now)).isInstanceOf(Conflict.class);
        review.moderate(ReviewStatus.APPROVED, "moderator-2", "appeal: harsh but about the product", now.plusSeconds(60));

        assertThat(review.decisions).extracting(decision -> decision.status + " by " + decision.by)
                .containsExactly("REJECTED by moderator-1", "APPROVED by moderator-2");
        assertThat(review.countsAs()).isEqualTo(1);
        review.delete("author", now);
        assertThatThrownBy(() -> review.moderate(ReviewStatus.APPROVED, "moderator", null, now)).isInstanceOf(Conflict.class);
        assertThat(review.countsAs()).isNull();
    }

    private Review write(int rating, String text, List<String> images) {
        return Review.write("p-1", "o-1", "author", rating, "", text, images, now);
    }
}

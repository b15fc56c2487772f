package io.mall.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamSignalsTest {

    @Test
    void linksAreFoundHoweverTheyAreWritten() {
        for (String text : new String[] { "싸게 파는 곳 https://bit.ly/abc", "visit www.cheap-shoes.test now", "cheapbags . com 에서 구매하세요",
                "best-deal닷com 으로 오세요", "go to deals(.)shop", "spamsite dot xyz" }) {
            assertThat(SpamSignals.inText(text)).as(text).extracting(SpamSignals.Signal::name).contains("link");
        }
        assertThat(SpamSignals.inText("The 2.5 kg weight is fine, size 270 fits.")).extracting(SpamSignals.Signal::name).doesNotContain("link");
    }

    @Test
    void offShopContactsAndRunsAreFound() {
        assertThat(SpamSignals.inText("문의는 카톡 abc123 으로")).extracting(SpamSignals.Signal::name).contains("contact");
        assertThat(SpamSignals.inText("call 010-1234-5678 for wholesale")).extracting(SpamSignals.Signal::name).contains("contact");
        assertThat(SpamSignals.inText("DM me on telegram")).extracting(SpamSignals.Signal::name).contains("contact");
        assertThat(SpamSignals.inText("ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ 대박")).extracting(SpamSignals.Signal::name).contains("repeats");
        assertThat(SpamSignals.inText("good good good good product")).extracting(SpamSignals.Signal::name).contains("repeats");
        assertThat(SpamSignals.inText("배송 빠르고 좋아요! 재구매 의사 있어요")).isEmpty();
    }

    @Test
    void theSameTextFromOtherAccountsAndABurstCount() {
        assertThat(SpamSignals.inBehaviour(0, 1)).isEmpty();
        assertThat(SpamSignals.inBehaviour(2, 1)).extracting(SpamSignals.Signal::name).containsExactly("same-text-elsewhere");
        assertThat(SpamSignals.inBehaviour(0, SpamSignals.BURST_SIZE)).extracting(SpamSignals.Signal::name).containsExactly("burst");
    }
}

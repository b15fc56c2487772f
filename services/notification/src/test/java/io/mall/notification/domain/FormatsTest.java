package io.mall.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats korean = new Formats(Formats.Language.of("ko"), ZoneId.of("Asia/Seoul"));
    private final Formats english = new Formats(Formats.Language.of("en"), ZoneId.of("Asia/Seoul"));

    @Test
    void wonHaveNoMinorUnitAndCentsHaveTwo() {
        assertThat(korean.money(125_000, "KRW")).isEqualTo("₩125,000");
        assertThat(english.money(125_000, "KRW")).isEqualTo("₩125,000");
        assertThat(english.money(1_250, "USD")).isEqualTo("$12.50");
    }

    @Test
    void datesAreWrittenAsEachLanguageWritesThemInTheReadersZone() {
        assertThat(korean.date(LocalDate.of(2026, 11, 26))).isEqualTo("2026년 11월 26일");
        assertThat(english.date(LocalDate.of(2026, 11, 26))).isEqualTo("November 26, 2026");
        // 23:30 UTC is already the next morning in Seoul
        assertThat(korean.date(Instant.parse("2026-11-26T23:30:00Z"))).isEqualTo("2026년 11월 27일");
        assertThat(korean.dateTime(Instant.parse("2026-11-26T09:30:00Z"))).isEqualTo("2026년 11월 26일 오후 6:30");
    }

    @Test
    void aLanguageOtherThanKoreanIsReadAsEnglish() {
        assertThat(Formats.Language.of("ko-KR")).isEqualTo(Formats.Language.KO);
        assertThat(Formats.Language.of("fr")).isEqualTo(Formats.Language.EN);
        assertThat(Formats.Language.of(null)).isEqualTo(Formats.Language.EN);
    }
}

package io.mall.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void koreanNumbersWrittenTheKoreanWayBecomeE164() {
        assertThat(PhoneNumbers.e164("010-1234-5678")).contains("+821012345678");
        assertThat(PhoneNumbers.e164("+82 10 1234 5678")).contains("+821012345678");
        assertThat(PhoneNumbers.e164("0082 10 1234 5678")).contains("+821012345678");
        assertThat(PhoneNumbers.e164("+1 (415) 555-2671")).contains("+14155552671");
    }

    @Test
    void whatCannotBeANumberIsNone() {
        assertThat(PhoneNumbers.e164(null)).isEmpty();
        assertThat(PhoneNumbers.e164("call me")).isEmpty();
        assertThat(PhoneNumbers.e164("+0123")).isEmpty();
        assertThat(PhoneNumbers.e164("+1234567890123456")).isEmpty();
    }
}

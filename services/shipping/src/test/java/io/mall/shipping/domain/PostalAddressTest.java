package io.mall.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class PostalAddressTest {

    @Test
    void aKoreanAddressIsAFiveDigitPostalCodeARoadAddressAndADetail() {
        PostalAddress seoul = PostalAddress.of("kr", " 06236 ", null, null, "서울특별시 강남구 테헤란로 152", "12층");

        assertThat(seoul.country()).isEqualTo("KR");
        assertThat(seoul.postalCode()).isEqualTo("06236");
        assertThat(seoul.isKorean()).isTrue();
        assertThat(PostalAddress.of("KR", "63309", null, null, "제주특별자치도 제주시 첨단로 242", null).postalCode()).isEqualTo("63309");
    }

    @Test
    void aKoreanPostalCodeOutsideTheRangeOrNotFiveDigitsIsRefused() {
        for (String code : new String[] { "00999", "64000", "1234", "123456", "06-236", "abcde", null }) {
            assertThatThrownBy(() -> PostalAddress.of("KR", code, null, null, "테헤란로 152", null)).as(String.valueOf(code))
                    .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("postalCode");
        }
    }

    @Test
    void anInternationalAddressNeedsACityAndAStreetLine() {
        PostalAddress berlin = PostalAddress.of("DE", "10117", "Berlin", "Berlin", "Unter den Linden 1", null);
        assertThat(berlin.isKorean()).isFalse();

        assertThatThrownBy(() -> PostalAddress.of("DE", "10117", null, " ", "Unter den Linden 1", null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("city");
        assertThatThrownBy(() -> PostalAddress.of("US", "94103", "CA", "San Francisco", "", null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("line1");
        assertThatThrownBy(() -> PostalAddress.of("US", "9410$", "CA", "San Francisco", "1 Market St", null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("postalCode");
    }

    @Test
    void anUnknownCountryOrAControlCharacterIsRefused() {
        assertThatThrownBy(() -> PostalAddress.of("XX", "12345", null, "City", "Street 1", null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("country");
        assertThatThrownBy(() -> PostalAddress.of("KR", "06236", null, null, "테헤란로\u0000152", null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("line1");
        assertThatThrownBy(() -> PostalAddress.of("KR", "06236", null, null, "가".repeat(201), null))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("line1");
    }

    @Test
    void aPhoneIsSevenToFifteenDigitsAfterAnOptionalPlus() {
        assertThat(Recipient.of(" 김민지 ", "010-1234-5678").phone()).isEqualTo("01012345678");
        assertThat(Recipient.of("Kim", "+82 (10) 1234 5678").phone()).isEqualTo("+821012345678");
        assertThatThrownBy(() -> Recipient.of("Kim", "12345")).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("phone");
        assertThatThrownBy(() -> Recipient.of("Kim", "010-CALL-ME")).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> Recipient.of(" ", "01012345678")).isInstanceOf(BrokenRule.class).extracting("field")
                .isEqualTo("recipientName");
    }
}

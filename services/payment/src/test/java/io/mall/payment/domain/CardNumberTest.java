package io.mall.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class CardNumberTest {

    @Test
    void aValidNumberIsKnownByBrandAndLastFourOnly() {
        CardNumber visa = CardNumber.parse("4242 4242 4242 4242");

        assertThat(visa.brand()).isEqualTo("visa");
        assertThat(visa.last4()).isEqualTo("4242");
        assertThat(visa.toString()).isEqualTo("card ending 4242").doesNotContain("424242");
        assertThat(CardNumber.parse("5555-5555-5555-4444").brand()).isEqualTo("mastercard");
        assertThat(CardNumber.parse("378282246310005").brand()).isEqualTo("amex");
    }

    @Test
    void aNumberFailingTheLuhnCheckIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> CardNumber.parse("4242424242424241"))
                .isInstanceOf(BrokenRule.class)
                .hasMessage("is not a valid card number")
                .extracting("field").isEqualTo("number");
    }

    @Test
    void lettersAndWrongLengthsAreRefused() {
        assertThatThrownBy(() -> CardNumber.parse("4242abcd42424242")).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> CardNumber.parse("42424242")).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> CardNumber.parse("4".repeat(20))).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> CardNumber.parse(null)).isInstanceOf(BrokenRule.class);
    }

    @Test
    void anExpiredCardIsRefusedAndThisMonthIsStillGood() {
        YearMonth now = YearMonth.of(2026, 11);

        CardNumber.checkExpiry(11, 2026, now);
        assertThatThrownBy(() -> CardNumber.checkExpiry(10, 2026, now)).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> CardNumber.checkExpiry(13, 2027, now)).isInstanceOf(BrokenRule.class).extracting("field")
                .isEqualTo("expMonth");
    }
}

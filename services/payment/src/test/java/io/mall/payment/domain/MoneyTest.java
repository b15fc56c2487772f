package io.mall.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class MoneyTest {

    @Test
    void anAmountIsMoreThanZeroAndAtMostAHundredBillionMinorUnits() {
        assertThatThrownBy(() -> Money.positive(0, "KRW", "amountMinor")).isInstanceOf(BrokenRule.class).extracting("field")
                .isEqualTo("amountMinor");
        assertThatThrownBy(() -> Money.positive(-5, "KRW", "amountMinor")).isInstanceOf(BrokenRule.class);
        assertThatThrownBy(() -> Money.positive(Money.MAX_MINOR + 1, "KRW", "amountMinor")).isInstanceOf(BrokenRule.class);
        assertThat(Money.positive(Money.MAX_MINOR, "KRW", "amountMinor").minor()).isEqualTo(Money.MAX_MINOR);
    }

    @Test
    void aCurrencyIsAnIso4217Code() {
        assertThat(new Money(1, "KRW").currency()).isEqualTo("KRW");
        assertThatThrownBy(() -> new Money(1, "ZZZ")).isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("currency");
        assertThatThrownBy(() -> new Money(1, "krw")).isInstanceOf(BrokenRule.class);
    }

    @Test
    void sumsOfDifferentCurrenciesAreRefused() {
        assertThatThrownBy(() -> new Money(1, "KRW").plus(new Money(1, "USD"))).isInstanceOf(BrokenRule.class);
        assertThat(new Money(100, "USD").minus(new Money(30, "USD"))).isEqualTo(new Money(70, "USD"));
    }
}

package io.mall.payment.client.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mall.payment.domain.Money;

class PayPalAmountsTest {

    @Test
    void minorUnitsBecomePayPalsDecimalStringsAndBack() {
        assertThat(PayPalGateway.decimal(new Money(1_234, "USD"))).isEqualTo("12.34");
        assertThat(PayPalGateway.decimal(new Money(5, "EUR"))).isEqualTo("0.05");
        assertThat(PayPalGateway.decimal(new Money(1_234, "JPY"))).isEqualTo("1234");
        assertThat(PayPalGateway.minor("USD", "12.34")).isEqualTo(new Money(1_234, "USD"));
        assertThat(PayPalGateway.minor("JPY", "1234")).isEqualTo(new Money(1_234, "JPY"));
    }
}

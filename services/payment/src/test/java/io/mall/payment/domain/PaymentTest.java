package io.mall.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Payment captured(long minor) {
        Payment payment = Payment.start(UUID.randomUUID(), UUID.randomUUID(), new Money(minor, "KRW"), PaymentMethod.CARD,
                "sandbox", false, NOW);
        payment.captured("ch_1", new Money(minor, "KRW"), NOW);
        return payment;
    }

    @Test
    void refundsTogetherNeverExceedWhatWasCaptured() {
        Payment payment = captured(10_000);

        payment.reserveRefund(new Money(6_000, "KRW"), NOW);

        assertThat(payment.refundable()).isEqualTo(new Money(4_000, "KRW"));
        assertThatThrownBy(() -> payment.reserveRefund(new Money(4_001, "KRW"), NOW))
                .isInstanceOf(BrokenRule.class).hasMessageContaining("4000");
        payment.reserveRefund(new Money(4_000, "KRW"), NOW);
        assertThat(payment.refundable().isZero()).isTrue();
    }

    @Test
    void aDeclinedRefundMakesItsAmountRefundableAgain() {
        Payment payment = captured(10_000);
        payment.reserveRefund(new Money(10_000, "KRW"), NOW);

        payment.refundDeclined(new Money(10_000, "KRW"), NOW);

        assertThat(payment.refundable()).isEqualTo(new Money(10_000, "KRW"));
        assertThat(payment.status).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void refundsInPartsEndRefundedInFull() {
        Payment payment = captured(10_000);
        payment.reserveRefund(new Money(3_000, "KRW"), NOW);
        payment.refunded(new Money(3_000, "KRW"), NOW);
        assertThat(payment.status).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

        payment.reserveRefund(new Money(7_000, "KRW"), NOW);
        payment.refunded(new Money(7_000, "KRW"), NOW);

        assertThat(payment.status).isEqualTo(PaymentStatus.REFUNDED);
        assertThatThrownBy(() -> payment.reserveRefund(new Money(1, "KRW"), NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aRefundInAnotherCurrencyIsRefused() {
        Payment payment = captured(10_000);

        assertThatThrownBy(() -> payment.reserveRefund(new Money(1_000, "USD"), NOW))
                .isInstanceOf(BrokenRule.class).extracting("field").isEqualTo("currency");
    }

    @Test
    void nothingCapturedCannotBeRefunded() {
        Payment payment = Payment.start(UUID.randomUUID(), UUID.randomUUID(), new Money(500, "USD"), PaymentMethod.CARD,
                "sandbox", true, NOW);
        payment.authorised("ch_2", NOW);

        assertThatThrownBy(() -> payment.reserveRefund(new Money(500, "USD"), NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void anAuthorisationIsCapturedUpToWhatItHolds() {
        Payment payment = Payment.start(UUID.randomUUID(), UUID.randomUUID(), new Money(500, "USD"), PaymentMethod.CARD,
                "sandbox", true, NOW);
        payment.authorised("ch_3", NOW);

        assertThatThrownBy(() -> payment.checkCapture(new Money(501, "USD"))).isInstanceOf(BrokenRule.class);
        payment.captured(null, new Money(400, "USD"), NOW);

        assertThat(payment.capturedMinor).isEqualTo(400);
        assertThat(payment.status).isEqualTo(PaymentStatus.CAPTURED);
        assertThatThrownBy(() -> payment.cancelled("too late", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void onlyCardsAreAuthorisedNowAndCapturedLater() {
        assertThatThrownBy(() -> Payment.start(UUID.randomUUID(), UUID.randomUUID(), new Money(500, "KRW"),
                PaymentMethod.BANK_TRANSFER, "sandbox", true, NOW)).isInstanceOf(BrokenRule.class);
    }

    @Test
    void aFailedPaymentCannotBeCapturedLater() {
        Payment payment = Payment.start(UUID.randomUUID(), UUID.randomUUID(), new Money(500, "KRW"), PaymentMethod.CARD,
                "sandbox", false, NOW);
        payment.failed(FailureCode.DECLINED, null, NOW);

        assertThat(payment.failureReason).isEqualTo("the card was declined");
        assertThatThrownBy(() -> payment.captured("ch_4", new Money(500, "KRW"), NOW)).isInstanceOf(Conflict.class);
    }
}

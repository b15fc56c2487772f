package io.mall.payment.client;

import java.time.Instant;

import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.FailureCode;
import io.mall.payment.domain.Money;

/**
 * What a gateway answered.
 *
 * @param reference the gateway's id of the charge or refund
 * @param amount    what was held, taken or refunded
 * @param card      the card charged, when the gateway says
 * @param failure   why it was refused ({@link Outcome#FAILED} only)
 */
public record GatewayAnswer(Outcome outcome, String reference, Money amount, CardDetails card, FailureCode failure,
        String message, String bank, String accountNumber, String approvalUrl, Instant expiresAt) {

    public enum Outcome {
        AUTHORISED, CAPTURED, ACTION_REQUIRED,
        /** The shopper approved a wallet payment: it is captured next. */
        APPROVED,
        CANCELLED, REFUNDED, FAILED
    }

    public static GatewayAnswer authorised(String reference, Money amount, CardDetails card) {
        return new GatewayAnswer(Outcome.AUTHORISED, reference, amount, card, null, null, null, null, null, null);
    }

    public static GatewayAnswer captured(String reference, Money amount, CardDetails card) {
        return new GatewayAnswer(Outcome.CAPTURED, reference, amount, card, null, null, null, null, null, null);
    }

    public static GatewayAnswer depositAwaited(String reference, Money amount, String bank, String accountNumber, Instant expiresAt) {
        return new GatewayAnswer(Outcome.ACTION_REQUIRED, reference, amount, null, null, null, bank, accountNumber, null, expiresAt);
    }

    public static GatewayAnswer approvalAwaited(String reference, Money amount, String approvalUrl, Instant expiresAt) {
        return new GatewayAnswer(Outcome.ACTION_REQUIRED, reference, amount, null, null, null, null, null, approvalUrl, expiresAt);
    }

    public static GatewayAnswer approved(String reference, Money amount) {
        return new GatewayAnswer(Outcome.APPROVED, reference, amount, null, null, null, null, null, null, null);
    }

    public static GatewayAnswer cancelled(String reference) {
        return new GatewayAnswer(Outcome.CANCELLED, reference, null, null, null, null, null, null, null, null);
    }

    public static GatewayAnswer refunded(String reference, Money amount) {
        return new GatewayAnswer(Outcome.REFUNDED, reference, amount, null, null, null, null, null, null, null);
    }

    public static GatewayAnswer failed(String reference, FailureCode failure, String message) {
        return new GatewayAnswer(Outcome.FAILED, reference, null, null, failure, message, null, null, null, null);
    }

    /** The same answer, naming the card that was charged. */
    public GatewayAnswer withCard(CardDetails charged) {
        return new GatewayAnswer(outcome, reference, amount, charged, failure, message, bank, accountNumber, approvalUrl, expiresAt);
    }

    public boolean isFailure() {
        return outcome == Outcome.FAILED;
    }
}

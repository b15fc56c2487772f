package io.mall.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One operation a gateway carried out (or refused) for a payment: the history shoppers and staff read. */
@Entity
@Table(name = "payment_transactions")
public class Transaction {

    public enum Kind {
        /** Money held. */
        AUTHORISATION,
        /** Money taken, at once or after an authorisation or a deposit. */
        CAPTURE,
        /** A hold released or a wait ended, nothing taken. */
        CANCELLATION,
        REFUND
    }

    public enum Outcome {
        SUCCEEDED, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "gateway_reference")
    public String gatewayReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_code")
    public FailureCode failureCode;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Transaction succeeded(Payment payment, Kind kind, Money amount, String reference, Instant now) {
        return of(payment, kind, amount, Outcome.SUCCEEDED, reference, null, now);
    }

    public static Transaction failed(Payment payment, Kind kind, Money amount, FailureCode code, Instant now) {
        return of(payment, kind, amount, Outcome.FAILED, payment.gatewayReference, code, now);
    }

    private static Transaction of(Payment payment, Kind kind, Money amount, Outcome outcome, String reference,
            FailureCode code, Instant now) {
        Transaction transaction = new Transaction();
        transaction.id = UUID.randomUUID();
        transaction.paymentId = payment.id;
        transaction.orderId = payment.orderId;
        transaction.userId = payment.userId;
        transaction.kind = kind;
        transaction.amountMinor = amount.minor();
        transaction.currency = amount.currency();
        transaction.outcome = outcome;
        transaction.gatewayReference = reference;
        transaction.failureCode = code;
        transaction.createdAt = now;
        return transaction;
    }
}

package io.mall.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money given back for a payment, in full or in part, with its reason. Its id is its idempotency key at the gateway. */
@Entity
@Table(name = "refunds")
public class Refund {

    public enum Status {
        PENDING, SUCCEEDED, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Who asked: an administrator's id, or the service whose command it was. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "gateway_reference")
    public String gatewayReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_code")
    public FailureCode failureCode;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static Refund request(UUID id, Payment payment, Money amount, String reason, String requestedBy, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new io.mall.domain.BrokenRule("reason", "must say why the money goes back");
        }
        Refund refund = new Refund();
        refund.id = id;
        refund.paymentId = payment.id;
        refund.orderId = payment.orderId;
        refund.amountMinor = amount.minor();
        refund.currency = amount.currency();
        refund.reason = reason.strip();
        refund.status = Status.PENDING;
        refund.requestedBy = requestedBy;
        refund.createdAt = now;
        return refund;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public void succeeded(String reference, Instant now) {
        status = Status.SUCCEEDED;
        gatewayReference = reference;
        completedAt = now;
    }

    public void failed(FailureCode code, String reason, Instant now) {
        status = Status.FAILED;
        failureCode = code;
        failureReason = reason == null ? code.description() : reason;
        completedAt = now;
    }
}

package io.mall.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

/**
 * The payment of one order: what was asked, what the gateway holds and took, what went back. Its
 * methods are the only way its state changes, and each refuses what its state does not allow.
 */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    public String currency;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "authorised_minor")
    public long authorisedMinor;

    @Column(name = "captured_minor")
    public long capturedMinor;

    @Column(name = "refunded_minor")
    public long refundedMinor;

    @Column(name = "refund_pending_minor")
    public long refundPendingMinor;

    @Column(name = "authorise_only")
    public boolean authoriseOnly;

    /** The gateway that holds this payment; it stays with it for capture, cancel and refunds. */
    public String gateway;

    @Column(name = "gateway_reference")
    public String gatewayReference;

    /** A new card's gateway token, until the card is charged (then the saved card or nothing keeps it). */
    @Column(name = "card_token")
    public String cardToken;

    @Column(name = "saved_card_id")
    public UUID savedCardId;

    @Column(name = "save_card")
    public boolean saveCard;

    @Column(name = "card_brand")
    public String cardBrand;

    @Column(name = "card_last4")
    public String cardLast4;

    public String bank;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "approval_url")
    public String approvalUrl;

    @Column(name = "return_url")
    public String returnUrl;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_code")
    public FailureCode failureCode;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A payment about to be sent to {@code gateway}. */
    public static Payment start(UUID orderId, UUID userId, Money amount, PaymentMethod method, String gateway,
            boolean authoriseOnly, Instant now) {
        if (authoriseOnly && method != PaymentMethod.CARD) {
            throw new BrokenRule("authoriseOnly", "only a card payment can be authorised now and captured later");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = orderId;
        payment.userId = userId;
        payment.method = method;
        payment.status = PaymentStatus.PENDING;
        payment.currency = amount.currency();
        payment.amountMinor = amount.minor();
        payment.authoriseOnly = authoriseOnly;
        payment.gateway = gateway;
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public Money captured() {
        return new Money(capturedMinor, currency);
    }

    public Money refunded() {
        return new Money(refundedMinor, currency);
    }

    /** What may still be refunded: captured, less what went back and what is on its way back. */
    public Money refundable() {
        return new Money(capturedMinor - refundedMinor - refundPendingMinor, currency);
    }

    public void describeCard(String brand, String last4) {
        this.cardBrand = brand;
        this.cardLast4 = last4;
    }

    /** The gateway holds the money (a card authorisation); a later capture takes it. */
    public void authorised(String reference, Instant now) {
        expect("authorise", PaymentStatus.PENDING, PaymentStatus.ACTION_REQUIRED);
        gatewayReference = reference;
        authorisedMinor = amountMinor;
        status = PaymentStatus.AUTHORISED;
        cardToken = null;
        updatedAt = now;
    }

    /** The gateway waits for the shopper: a deposit into {@code accountNumber}, or an approval at {@code approvalUrl}. */
    public void awaitingShopper(String reference, String bank, String accountNumber, String approvalUrl, Instant expiresAt,
            Instant now) {
        expect("wait for the shopper on", PaymentStatus.PENDING);
        gatewayReference = reference;
        this.bank = bank;
        this.accountNumber = accountNumber;
        this.approvalUrl = approvalUrl;
        this.expiresAt = expiresAt;
        status = PaymentStatus.ACTION_REQUIRED;
        updatedAt = now;
    }

    /** Whether a capture of {@code amount} may be asked of the gateway now. */
    public void checkCapture(Money amount) {
        expect("capture", PaymentStatus.AUTHORISED);
        if (amount.exceeds(new Money(authorisedMinor, currency))) {
            throw new BrokenRule("amountMinor", "is more than the " + authorisedMinor + " authorised");
        }
    }

    /** The money is taken: all of it at once, or (after an authorisation) {@code amount} of what was held. */
    public void captured(String reference, Money amount, Instant now) {
        expect("capture", PaymentStatus.PENDING, PaymentStatus.ACTION_REQUIRED, PaymentStatus.AUTHORISED);
        if (amount.exceeds(amount())) {
            throw new BrokenRule("amountMinor", "is more than the " + amountMinor + " of the payment");
        }
        if (reference != null) {
            gatewayReference = reference;
        }
        if (status != PaymentStatus.AUTHORISED) {
            authorisedMinor = amount.minor();
        }
        capturedMinor = amount.minor();
        status = PaymentStatus.CAPTURED;
        cardToken = null;
        updatedAt = now;
    }

    /** Nothing was taken and nothing will be for this payment. */
    public void failed(FailureCode code, String reason, Instant now) {
        expect("fail", PaymentStatus.PENDING, PaymentStatus.ACTION_REQUIRED);
        failureCode = code;
        failureReason = reason == null ? code.description() : truncate(reason);
        status = PaymentStatus.FAILED;
        cardToken = null;
        updatedAt = now;
    }

    /** Whether the payment can be cancelled without a refund: nothing captured yet. */
    public boolean isCancellable() {
        return status == PaymentStatus.AUTHORISED || status == PaymentStatus.ACTION_REQUIRED || status == PaymentStatus.PENDING;
    }

    /** The held money is released, or the wait for the shopper ends: nothing is taken. */
    public void cancelled(String reason, Instant now) {
        expect("cancel", PaymentStatus.PENDING, PaymentStatus.ACTION_REQUIRED, PaymentStatus.AUTHORISED);
        failureCode = FailureCode.CANCELLED;
        failureReason = reason == null ? FailureCode.CANCELLED.description() : truncate(reason);
        status = PaymentStatus.CANCELLED;
        cardToken = null;
        updatedAt = now;
    }

    /**
     * Sets {@code amount} aside for a refund about to be sent: it no longer counts as refundable, so
     * two refunds at once can never give back more than was captured together.
     */
    public void reserveRefund(Money amount, Instant now) {
        if (status != PaymentStatus.CAPTURED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new Conflict(status == PaymentStatus.REFUNDED ? "the payment is refunded in full already"
                    : "nothing was captured for this payment (it is " + status + ")");
        }
        if (amount.exceeds(refundable())) {
            throw new BrokenRule("amountMinor", "is more than the " + refundable().minor() + " that can still be refunded");
        }
        refundPendingMinor += amount.minor();
        updatedAt = now;
    }

    /** A reserved refund went through. */
    public void refunded(Money amount, Instant now) {
        releaseReservation(amount);
        refundedMinor += amount.minor();
        status = refundedMinor == capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        updatedAt = now;
    }

    /** A reserved refund was declined: the amount is refundable again. */
    public void refundDeclined(Money amount, Instant now) {
        releaseReservation(amount);
        updatedAt = now;
    }

    public boolean isFullyRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    public boolean isExpired(Instant now) {
        return status == PaymentStatus.ACTION_REQUIRED && expiresAt != null && !now.isBefore(expiresAt);
    }

    private void releaseReservation(Money amount) {
        if (amount.minor() > refundPendingMinor) {
            throw new IllegalStateException("no refund of " + amount + " is pending on payment " + id);
        }
        refundPendingMinor -= amount.minor();
    }

    private void expect(String action, PaymentStatus... allowed) {
        for (PaymentStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new Conflict("cannot " + action + " a payment that is " + status);
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}

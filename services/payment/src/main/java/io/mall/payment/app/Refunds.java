package io.mall.payment.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.PaymentRefundFailed;
import io.mall.contracts.payment.PaymentRefunded;
import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.payment.client.GatewayAnswer;
import io.mall.payment.client.GatewayUnreachable;
import io.mall.payment.client.Gateways;
import io.mall.payment.client.OutcomeUnknown;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.Payment;
import io.mall.payment.domain.Refund;
import io.mall.payment.domain.Transaction;
import io.mall.payment.store.OutboxRelay;
import io.mall.payment.store.Outbox;
import io.mall.payment.store.PaymentRepository;
import io.mall.payment.store.RefundRepository;
import io.mall.payment.store.TransactionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Refunds, full or partial, never more than was captured in total. The amount is set aside on the
 * payment (under its row lock) before the gateway is asked, so refunds racing for the last won
 * cannot both pass; the refund's id is its idempotency key at the gateway, so one sent again
 * (a redelivered command, the sweep after a timeout) gives back the money once.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final TransactionRepository transactions;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Gateways gateways;
    private final Clock clock;
    private final MeterRegistry metrics;

    Refunds(PaymentRepository payments, RefundRepository refunds, TransactionRepository transactions, Outbox outbox,
            OutboxRelay relay, Gateways gateways, Clock clock, MeterRegistry metrics) {
        this.payments = payments;
        this.refunds = refunds;
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
        this.gateways = gateways;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Refunds {@code amountMinor} (null: everything still refundable) of the order's payment.
     * Asked again with the same refund id, it answers with that refund.
     *
     * @param currency checked against the payment's when given
     */
    public Uni<Refund> refundOrder(UUID orderId, UUID refundId, Long amountMinor, String currency, String reason, String requestedBy) {
        return Panache.withSession(() -> payments.findByOrder(orderId)).chain(payment -> {
            if (payment == null) {
                throw new NotFound("no payment of order " + orderId);
            }
            return refund(payment.id, refundId, amountMinor, currency, reason, requestedBy);
        });
    }

    public Uni<Refund> refund(UUID paymentId, UUID refundId, Long amountMinor, String currency, String reason, String requestedBy) {
        return Panache.withTransaction(() -> refunds.findById(refundId).chain(existing -> {
            if (existing != null) {
                if (!existing.paymentId.equals(paymentId)) {
                    throw new Conflict("refund " + refundId + " belongs to another payment");
                }
                return Uni.createFrom().item(existing);
            }
            return payments.findForUpdate(paymentId).chain(payment -> {
                if (payment == null) {
                    throw new NotFound("no payment " + paymentId);
                }
                if (currency != null && !currency.equals(payment.currency)) {
                    throw new BrokenRule("currency", "is " + currency + "; the payment is in " + payment.currency);
                }
                Instant now = clock.instant();
                Money amount = amountMinor == null ? payment.refundable() : Money.positive(amountMinor, payment.currency, "amountMinor");
                if (amount.isZero()) {
                    throw new Conflict(payment.isFullyRefunded() ? "the payment is refunded in full already"
                            : "nothing of this payment can be refunded now");
                }
                payment.reserveRefund(amount, now);
                return refunds.persist(Refund.request(refundId, payment, amount, reason, requestedBy, now));
            });
        })).chain(refund -> refund.isPending() ? send(refund) : Uni.createFrom().item(refund));
    }

    /** A refund the saga asked for that cannot be made: it hears why. */
    public Uni<Void> refuse(UUID orderId, UUID refundId, io.mall.domain.DomainException refusal) {
        String code = refusal instanceof NotFound ? "NOT_FOUND" : refusal instanceof BrokenRule ? "INVALID_REQUEST" : "NOT_REFUNDABLE";
        Instant now = clock.instant();
        return Panache.withTransaction(() -> outbox.add(EventTypes.PAYMENT_REFUND_FAILED, orderId,
                new PaymentRefundFailed(orderId, refundId, code, refusal.getMessage()), now)).invoke(relay::nudge);
    }

    /** Refunds waiting for an answer since before {@code before}: sent again, with their own key. */
    public Uni<Integer> sendUnanswered(Instant before) {
        return Panache.withSession(() -> refunds.unanswered(before, 100)).chain(waiting -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Refund refund : waiting) {
                all = all.chain(() -> send(refund).onFailure().recoverWithNull().replaceWithVoid());
            }
            return all.replaceWith(waiting.size());
        });
    }

    /** Sends a pending refund (again, with the same key, when its answer never came). */
    Uni<Refund> send(Refund refund) {
        return Panache.withSession(() -> payments.findById(refund.paymentId))
                .chain(payment -> gateways.refund(payment.gateway, payment.gatewayReference, refund.amount(), refund.id.toString()))
                .chain(answer -> record(refund.id, answer))
                .onFailure(GatewayUnreachable.class).recoverWithUni(failure -> {
                    // the gateway never got it: nothing moved, the amount is refundable again
                    LOG.warnf("refund %s: %s", refund.id, failure.getMessage());
                    return record(refund.id, GatewayAnswer.failed(null, io.mall.payment.domain.FailureCode.GATEWAY_UNAVAILABLE,
                            io.mall.payment.domain.FailureCode.GATEWAY_UNAVAILABLE.description()));
                })
                .onFailure(OutcomeUnknown.class).recoverWithUni(failure -> {
                    // maybe refunded, maybe not: it stays pending and the sweep sends it again with its key
                    LOG.warnf("refund %s: %s; sending it again later", refund.id, failure.getMessage());
                    return Panache.withSession(() -> refunds.findById(refund.id));
                });
    }

    private Uni<Refund> record(UUID refundId, GatewayAnswer answer) {
        return Panache.withTransaction(() -> refunds.findById(refundId).chain(refund -> payments.findForUpdate(refund.paymentId)
                .chain(payment -> {
                    if (!refund.isPending()) {
                        return Uni.createFrom().item(refund);
                    }
                    Instant now = clock.instant();
                    if (answer.outcome() == GatewayAnswer.Outcome.REFUNDED) {
                        refund.succeeded(answer.reference(), now);
                        payment.refunded(refund.amount(), now);
                        metrics.counter("mall.payment.refunds", "outcome", "refunded").increment();
                        return transactions.persist(Transaction.succeeded(payment, Transaction.Kind.REFUND, refund.amount(),
                                answer.reference(), now))
                                .chain(() -> outbox.add(EventTypes.PAYMENT_REFUNDED, payment.orderId, refunded(payment, refund), now))
                                .replaceWith(refund);
                    }
                    refund.failed(answer.failure(), answer.message(), now);
                    payment.refundDeclined(refund.amount(), now);
                    metrics.counter("mall.payment.refunds", "outcome", "failed").increment();
                    return transactions.persist(Transaction.failed(payment, Transaction.Kind.REFUND, refund.amount(), answer.failure(), now))
                            .chain(() -> outbox.add(EventTypes.PAYMENT_REFUND_FAILED, payment.orderId, new PaymentRefundFailed(
                                    payment.orderId, refund.id, answer.failure().name(), refund.failureReason), now))
                            .replaceWith(refund);
                }))).invoke(relay::nudge);
    }

    private static PaymentRefunded refunded(Payment payment, Refund refund) {
        return new PaymentRefunded(payment.id, payment.orderId, refund.id, refund.amountMinor, refund.currency,
                payment.refundedMinor, payment.isFullyRefunded(), refund.reason);
    }
}

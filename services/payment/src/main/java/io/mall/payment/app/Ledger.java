package io.mall.payment.app;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.NotFound;
import io.mall.payment.domain.Payment;
import io.mall.payment.domain.Refund;
import io.mall.payment.domain.Transaction;
import io.mall.payment.store.PaymentRepository;
import io.mall.payment.store.RefundRepository;
import io.mall.payment.store.TransactionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reading payments, refunds and the history of gateway operations. {@code owner} null reads
 * everyone's (staff); otherwise another shopper's payment is as unknown as one that does not exist.
 */
@ApplicationScoped
public class Ledger {

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public record PaymentDetail(Payment payment, List<Refund> refunds, List<Transaction> transactions) {
    }

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final TransactionRepository transactions;

    Ledger(PaymentRepository payments, RefundRepository refunds, TransactionRepository transactions) {
        this.payments = payments;
        this.refunds = refunds;
        this.transactions = transactions;
    }

    public Uni<Page<Payment>> payments(UUID owner, UUID orderId, int page, int size) {
        return Panache.withSession(() -> payments.page(owner, orderId, page, size)
                .chain(items -> payments.count(owner, orderId).map(total -> new Page<>(items, total, page, size))));
    }

    public Uni<PaymentDetail> payment(UUID owner, UUID paymentId) {
        return Panache.withSession(() -> payments.findById(paymentId).chain(payment -> {
            if (payment == null || (owner != null && !payment.userId.equals(owner))) {
                throw new NotFound("no payment " + paymentId);
            }
            return refunds.ofPayment(payment.id).chain(found -> transactions.ofPayment(payment.id)
                    .map(history -> new PaymentDetail(payment, found, history)));
        }));
    }

    public Uni<List<Transaction>> transactions(UUID owner, UUID orderId, int page, int size) {
        return Panache.withSession(() -> transactions.page(owner, orderId, page, size));
    }

    public Uni<Refund> refund(UUID owner, UUID refundId) {
        return Panache.withSession(() -> refunds.findById(refundId).chain(refund -> {
            if (refund == null) {
                throw new NotFound("no refund " + refundId);
            }
            return payments.findById(refund.paymentId).map(payment -> {
                if (owner != null && !payment.userId.equals(owner)) {
                    throw new NotFound("no refund " + refundId);
                }
                return refund;
            });
        }));
    }
}

package io.mall.payment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mall.payment.app.Ledger;
import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.Payment;
import io.mall.payment.domain.Refund;
import io.mall.payment.domain.SavedCard;
import io.mall.payment.domain.Transaction;

/** What the API shows of payments, refunds, history and cards: never a card token, never a card number. */
final class Views {

    private Views() {
    }

    record PaymentView(UUID id, UUID orderId, UUID userId, String method, String status, String currency, long amountMinor,
            long authorisedMinor, long capturedMinor, long refundedMinor, long refundableMinor, String gateway, CardView card,
            BankTransferView bankTransfer, String approvalUrl, Instant expiresAt, String failureCode, String failureReason,
            Instant createdAt, Instant updatedAt, List<RefundView> refunds, List<TransactionView> transactions) {

        static PaymentView of(Payment payment) {
            return of(payment, null, null);
        }

        static PaymentView of(Ledger.PaymentDetail detail) {
            return of(detail.payment(), detail.refunds().stream().map(RefundView::of).toList(),
                    detail.transactions().stream().map(TransactionView::of).toList());
        }

        private static PaymentView of(Payment payment, List<RefundView> refunds, List<TransactionView> transactions) {
            return new PaymentView(payment.id, payment.orderId, payment.userId, payment.method.name(), payment.status.name(),
                    payment.currency, payment.amountMinor, payment.authorisedMinor, payment.capturedMinor, payment.refundedMinor,
                    payment.refundable().minor(), payment.gateway,
                    payment.cardLast4 == null ? null : new CardView(null, payment.cardBrand, payment.cardLast4, null, null),
                    payment.accountNumber == null ? null : new BankTransferView(payment.bank, payment.accountNumber),
                    payment.approvalUrl, payment.expiresAt,
                    payment.failureCode == null ? null : payment.failureCode.name(), payment.failureReason,
                    payment.createdAt, payment.updatedAt, refunds, transactions);
        }
    }

    record BankTransferView(String bank, String accountNumber) {
    }

    record CardView(UUID id, String brand, String last4, Integer expMonth, Integer expYear) {

        static CardView of(SavedCard card) {
            return new CardView(card.id, card.brand, card.last4, card.expMonth, card.expYear);
        }
    }

    /** The sandbox's answer to a card form: the token to pay with, and what the shopper may be shown. */
    record TokenView(String token, String brand, String last4, int expMonth, int expYear) {

        static TokenView of(CardDetails card) {
            return new TokenView(card.token(), card.brand(), card.last4(), card.expMonth(), card.expYear());
        }
    }

    record RefundView(UUID id, UUID paymentId, UUID orderId, long amountMinor, String currency, String reason, String status,
            String failureCode, String failureReason, Instant createdAt, Instant completedAt) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id, refund.paymentId, refund.orderId, refund.amountMinor, refund.currency, refund.reason,
                    refund.status.name(), refund.failureCode == null ? null : refund.failureCode.name(), refund.failureReason,
                    refund.createdAt, refund.completedAt);
        }
    }

    record TransactionView(UUID id, UUID paymentId, UUID orderId, String kind, long amountMinor, String currency, String outcome,
            String failureCode, Instant createdAt) {

        static TransactionView of(Transaction transaction) {
            return new TransactionView(transaction.id, transaction.paymentId, transaction.orderId, transaction.kind.name(),
                    transaction.amountMinor, transaction.currency, transaction.outcome.name(),
                    transaction.failureCode == null ? null : transaction.failureCode.name(), transaction.createdAt);
        }
    }

    record PageView<T>(List<T> items, long total, int page, int size) {
    }
}

package io.mall.payment.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.CancelPayment;
import io.mall.contracts.payment.CapturePayment;
import io.mall.contracts.payment.ChargePayment;
import io.mall.contracts.payment.RefundPayment;
import io.mall.domain.BrokenRule;
import io.mall.domain.DomainException;
import io.mall.messaging.ContractViolation;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.payment.app.Payments;
import io.mall.payment.app.Refunds;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;
import io.smallrye.mutiny.Uni;

/**
 * The order saga's requests on {@code payment.commands}. Each answers on {@code payment.events}
 * through the outbox and is idempotent per order (charge, capture, cancel) or per refund id, so a
 * redelivered command repeats its answer (its event is published again) and never moves money twice.
 */
@ApplicationScoped
public class PaymentCommands {

    private static final Logger LOG = Logger.getLogger(PaymentCommands.class);
    private static final String CONSUMER = "payment-commands";

    private final Payments payments;
    private final Refunds refunds;
    private final Inbox inbox;

    PaymentCommands(Payments payments, Refunds refunds, Inbox inbox) {
        this.payments = payments;
        this.refunds = refunds;
        this.inbox = inbox;
    }

    @Incoming("payment-commands")
    public Uni<Void> handle(Message<String> message) {
        // every command is idempotent by itself (per order, per refund id): a redelivery repeats its
        // answer, so no store write per message is needed to remember it
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope command) {
        Uni<?> outcome = switch (command.type()) {
            case EventTypes.CHARGE_PAYMENT -> payments.charge(charge(command.data(ChargePayment.class)));
            case EventTypes.CAPTURE_PAYMENT -> {
                CapturePayment capture = command.data(CapturePayment.class);
                yield payments.capture(capture.orderId(), capture.amountMinor());
            }
            case EventTypes.REFUND_PAYMENT -> {
                RefundPayment refund = command.data(RefundPayment.class);
                yield refunds.refundOrder(refund.orderId(), refund.refundId(), refund.amountMinor(), refund.currency(),
                        refund.reason(), "saga:" + command.source())
                        .replaceWithVoid()
                        .onFailure(DomainException.class).recoverWithUni(refusal -> refunds.refuse(refund.orderId(),
                                refund.refundId(), (DomainException) refusal));
            }
            case EventTypes.CANCEL_PAYMENT -> cancel(command.data(CancelPayment.class), command.source());
            default -> throw new ContractViolation("payment.commands carries no command of type '" + command.type() + "'");
        };
        // any other refusal (a capture of a cancelled payment) is an answer, not a reason to retry
        return outcome.onFailure(DomainException.class).recoverWithItem(problem -> {
            LOG.warnf("payment.commands: %s refused: %s", command, problem.getMessage());
            return null;
        }).replaceWithVoid();
    }

    /** Nothing held stays held, nothing taken stays taken: a captured payment is refunded in full. */
    private Uni<?> cancel(CancelPayment cancel, String source) {
        return payments.cancel(cancel.orderId(), cancel.reason()).replaceWithVoid()
                .onFailure(io.mall.domain.Conflict.class).recoverWithUni(captured -> refunds.refundOrder(cancel.orderId(),
                        // one refund per order's cancellation, however often the command comes
                        UUID.nameUUIDFromBytes(("cancel:" + cancel.orderId()).getBytes(StandardCharsets.UTF_8)), null, null,
                        cancel.reason(), "saga:" + source).replaceWithVoid());
    }

    private static Payments.ChargeOrder charge(ChargePayment charge) {
        Money amount;
        try {
            amount = Money.positive(charge.amountMinor(), charge.currency(), "amountMinor");
        } catch (BrokenRule rule) {
            throw new ContractViolation("payment.charge: " + rule.field() + " " + rule.getMessage());
        }
        return new Payments.ChargeOrder(charge.orderId(), charge.userId(), amount, PaymentMethod.valueOf(charge.method()),
                charge.cardToken(), charge.savedCardId(), charge.saveCard(), charge.returnUrl(), charge.authoriseOnly());
    }
}

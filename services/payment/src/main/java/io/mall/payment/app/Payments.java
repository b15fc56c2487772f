package io.mall.payment.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.PaymentActionRequired;
import io.mall.contracts.payment.PaymentAuthorised;
import io.mall.contracts.payment.PaymentCancelled;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.payment.PaymentFailed;
import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.domain.Unavailable;
import io.mall.payment.PaymentConfig;
import io.mall.payment.client.ChargeRequest;
import io.mall.payment.client.GatewayAnswer;
import io.mall.payment.client.GatewayUnreachable;
import io.mall.payment.client.Gateways;
import io.mall.payment.client.OutcomeUnknown;
import io.mall.payment.domain.FailureCode;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.Payment;
import io.mall.payment.domain.PaymentMethod;
import io.mall.payment.domain.PaymentStatus;
import io.mall.payment.domain.SavedCard;
import io.mall.payment.domain.Transaction;
import io.mall.payment.store.OutboxRelay;
import io.mall.payment.store.Outbox;
import io.mall.payment.store.PaymentRepository;
import io.mall.payment.store.SavedCardRepository;
import io.mall.payment.store.TransactionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Charging an order, capturing and cancelling: each change of a payment is one transaction together
 * with the event that reports it. The gateway is called after the payment is recorded and never
 * inside a transaction, with the payment's id as its idempotency key; the payment is recorded as
 * PENDING first, so a crash, a timeout or a second delivery of the command finds it and looks the
 * charge up at the gateway instead of charging again.
 */
@ApplicationScoped
public class Payments {

    /** What the saga asks: the contract's command, in the domain's terms. */
    public record ChargeOrder(UUID orderId, UUID userId, Money amount, PaymentMethod method, String cardToken,
            UUID savedCardId, boolean saveCard, String returnUrl, boolean authoriseOnly) {

        @Override
        public String toString() {
            // the card token stays out of logs
            return "ChargeOrder[" + orderId + ", " + amount + ", " + method + "]";
        }
    }

    private static final Logger LOG = Logger.getLogger(Payments.class);
    private static final String GATEWAY_DOWN = "the payment gateway cannot be reached; try again shortly";

    private final PaymentRepository payments;
    private final TransactionRepository transactions;
    private final SavedCardRepository cards;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Gateways gateways;
    private final PaymentConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    Payments(PaymentRepository payments, TransactionRepository transactions, SavedCardRepository cards, Outbox outbox,
            OutboxRelay relay, Gateways gateways, PaymentConfig config, Clock clock, MeterRegistry metrics) {
        this.payments = payments;
        this.transactions = transactions;
        this.cards = cards;
        this.outbox = outbox;
        this.relay = relay;
        this.gateways = gateways;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Takes the order's money once, however often it is asked: a payment of the order that exists
     * already is answered again (its last event is published anew), or, while its outcome is
     * unknown, looked up at the gateway.
     */
    public Uni<Payment> charge(ChargeOrder order) {
        return Uni.createFrom().deferred(() -> paymentFor(order)).onItemOrFailure().transformToUni((payment, failure) -> {
            if (failure instanceof BrokenRule refusal) {
                return refuse(order, refusal);
            }
            if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            return payments.addUnlessOrderHasOne(payment).chain(added -> added ? send(payment)
                    : Panache.withSession(() -> payments.findByOrder(order.orderId())).chain(existing -> answerAgain(order, existing)));
        });
    }

    /** The charge of an order that has its payment: never a second one; the saga hears what stands. */
    private Uni<Payment> answerAgain(ChargeOrder order, Payment payment) {
        if (!payment.userId.equals(order.userId()) || !payment.amount().equals(order.amount())) {
            LOG.warnf("order %s: a charge of %s differs from its payment %s; answering with the payment", order.orderId(),
                    order.amount(), payment.id);
        }
        return payment.status == PaymentStatus.PENDING ? resolve(payment.id) : announceAgain(payment);
    }

    /**
     * A charge that cannot even be sent (no card, another shopper's saved card): the payment is
     * recorded as failed, so the saga hears why and the order does not wait.
     */
    private Uni<Payment> refuse(ChargeOrder order, BrokenRule refusal) {
        return Panache.withTransaction(() -> payments.findByOrder(order.orderId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Recorded(existing, false));
            }
            Instant now = clock.instant();
            Payment payment = Payment.start(order.orderId(), order.userId(), order.amount(), order.method(),
                    gateways.forMethod(order.method()), false, now);
            payment.failed(FailureCode.INVALID_REQUEST, refusal.field() + " " + refusal.getMessage(), now);
            return payments.persist(payment).call(saved -> outbox.add(EventTypes.PAYMENT_FAILED, saved.orderId,
                    new PaymentFailed(saved.id, saved.orderId, saved.failureCode.name(), saved.failureReason), now))
                    .map(saved -> new Recorded(saved, true));
        })).chain(recorded -> {
            if (!recorded.isNew()) {
                // a repeated command whose card has gone since: the order's payment answers, as for any repeat
                return answerAgain(order, recorded.payment());
            }
            relay.nudge();
            return Uni.createFrom().item(recorded.payment());
        });
    }

    /** Capture of an authorisation (the saga's {@code payment.capture}, or an administrator). */
    public Uni<Payment> capture(UUID orderId, Long amountMinor) {
        return Panache.withSession(() -> payments.findByOrder(orderId)).chain(payment -> {
            if (payment == null) {
                throw new NotFound("no payment of order " + orderId);
            }
            if (payment.status == PaymentStatus.CAPTURED) {
                return announceAgain(payment);
            }
            Money amount = amountMinor == null ? new Money(payment.authorisedMinor, payment.currency)
                    : Money.positive(amountMinor, payment.currency, "amountMinor");
            payment.checkCapture(amount);
            return gateways.capture(payment.gateway, payment.gatewayReference, amount, payment.id + ":capture")
                    .chain(answer -> apply(payment.id, answer, Transaction.Kind.CAPTURE).invoke(() -> {
                        if (answer.isFailure()) {
                            throw new Conflict("the gateway refused the capture: " + answer.message());
                        }
                    }))
                    .onFailure(GatewayUnreachable.class).transform(failure -> new Unavailable(GATEWAY_DOWN));
        });
    }

    /**
     * Makes sure nothing is taken: an authorisation is released, a wait for the shopper ends.
     * Cancelling twice is harmless; a captured payment is refunded instead (see {@link Refunds}).
     */
    public Uni<Payment> cancel(UUID orderId, String reason) {
        return Panache.withSession(() -> payments.findByOrder(orderId)).chain(payment -> {
            if (payment == null) {
                throw new NotFound("no payment of order " + orderId);
            }
            if (payment.status == PaymentStatus.CANCELLED || payment.status == PaymentStatus.FAILED) {
                return announceAgain(payment);
            }
            if (!payment.isCancellable()) {
                throw new Conflict("the payment is " + payment.status + "; it is refunded, not cancelled");
            }
            if (payment.status == PaymentStatus.PENDING) {
                // the charge's outcome is not known yet: learn it first, then cancel what it became
                return resolve(payment.id).chain(resolved -> resolved.status != PaymentStatus.PENDING && resolved.isCancellable()
                        ? cancel(orderId, reason) : Uni.createFrom().item(resolved));
            }
            return gateways.cancel(payment.gateway, payment.gatewayReference, payment.id + ":cancel")
                    .chain(answer -> {
                        if (answer.isFailure()) {
                            throw new Conflict("the gateway refused to cancel: " + answer.message());
                        }
                        return Panache.withTransaction(() -> payments.findForUpdate(payment.id).call(current -> {
                            if (!current.isCancellable()) {
                                return Uni.createFrom().voidItem();
                            }
                            Instant now = clock.instant();
                            current.cancelled(reason, now);
                            return transactions.persist(Transaction.succeeded(current, Transaction.Kind.CANCELLATION,
                                    current.amount(), current.gatewayReference, now))
                                    .chain(() -> outbox.add(EventTypes.PAYMENT_CANCELLED, current.orderId,
                                            new PaymentCancelled(current.id, current.orderId, current.failureReason), now));
                        })).invoke(relay::nudge);
                    })
                    .onFailure(GatewayUnreachable.class).transform(failure -> new Unavailable(GATEWAY_DOWN));
        });
    }

    /**
     * Finds out what became of a charge whose answer never came: the gateway is asked what it did
     * with the payment's idempotency key. Nothing there means it never arrived: it is sent now,
     * with the same key, so even a late arrival of the first is charged once.
     */
    public Uni<Payment> resolve(UUID paymentId) {
        return Panache.withSession(() -> payments.findById(paymentId)).chain(payment -> {
            if (payment == null || payment.status != PaymentStatus.PENDING) {
                return Uni.createFrom().item(payment);
            }
            return gateways.lookUp(payment.gateway, payment.id.toString(), payment.gatewayReference)
                    .chain(found -> found.isPresent() ? apply(payment.id, found.get(), kindOf(payment)) : send(payment))
                    .onFailure(OutcomeUnknown.class).recoverWithUni(failure -> giveUpIfTooOld(payment, failure))
                    .onFailure(GatewayUnreachable.class).recoverWithUni(failure -> giveUpIfTooOld(payment, failure));
        });
    }

    /**
     * A gateway said something happened to a payment (a webhook, the sandbox bank): what it says is
     * not taken on trust; the payment is looked up at the gateway and recorded as it stands there.
     * An approved wallet payment is captured now. Unknown references are none of this service's.
     */
    public Uni<Payment> notified(String gateway, String reference) {
        return Panache.withSession(() -> payments.findByReference(gateway, reference)).chain(payment -> {
            if (payment == null) {
                throw new NotFound("no payment with reference " + reference);
            }
            if (payment.status != PaymentStatus.PENDING && payment.status != PaymentStatus.ACTION_REQUIRED
                    && payment.status != PaymentStatus.AUTHORISED) {
                return Uni.createFrom().item(payment);
            }
            return gateways.lookUp(payment.gateway, payment.id.toString(), reference).chain(found -> {
                if (found.isEmpty()) {
                    return Uni.createFrom().item(payment);
                }
                GatewayAnswer answer = found.get();
                if (answer.outcome() == GatewayAnswer.Outcome.APPROVED) {
                    return gateways.capture(payment.gateway, reference, payment.amount(), payment.id + ":capture")
                            .chain(captured -> apply(payment.id, captured, Transaction.Kind.CAPTURE));
                }
                return apply(payment.id, answer, kindOf(payment));
            });
        });
    }

    /** The shopper turned the wallet payment down at the wallet: nothing is taken, the order hears why. */
    public Uni<Payment> shopperDeclined(String gateway, String reference) {
        return Panache.withSession(() -> payments.findByReference(gateway, reference)).chain(payment -> {
            if (payment == null) {
                throw new NotFound("no payment with reference " + reference);
            }
            return fail(payment.id, FailureCode.CANCELLED, "the shopper cancelled the payment at the wallet");
        });
    }

    /** Ends the wait for a shopper who did not deposit or approve in time. */
    public Uni<Payment> expire(UUID paymentId) {
        return Panache.withSession(() -> payments.findById(paymentId)).chain(payment -> {
            if (payment == null || !payment.isExpired(clock.instant())) {
                return Uni.createFrom().item(payment);
            }
            // closed at the gateway first, so a deposit cannot arrive after the order failed
            return gateways.cancel(payment.gateway, payment.gatewayReference, payment.id + ":expire")
                    .chain(answer -> answer.outcome() == GatewayAnswer.Outcome.CANCELLED
                            ? fail(payment.id, FailureCode.EXPIRED, FailureCode.EXPIRED.description())
                            // the money came in at the last moment: it counts
                            : gateways.lookUp(payment.gateway, payment.id.toString(), payment.gatewayReference)
                                    .chain(found -> found.map(latest -> apply(payment.id, latest, Transaction.Kind.CAPTURE))
                                            .orElseGet(() -> Uni.createFrom().item(payment))));
        });
    }

    /** The payment a charge begins, not recorded yet; refused (BrokenRule) when it could not even be sent. */
    private Uni<Payment> paymentFor(ChargeOrder order) {
        Instant now = clock.instant();
        String gateway = gateways.forMethod(order.method());
        Payment payment = Payment.start(order.orderId(), order.userId(), order.amount(), order.method(), gateway,
                order.authoriseOnly(), now);
        payment.saveCard = order.saveCard();
        payment.returnUrl = order.returnUrl();
        if (order.method() != PaymentMethod.CARD) {
            return Uni.createFrom().item(payment);
        }
        if (order.savedCardId() != null) {
            return Panache.withSession(() -> cards.findById(order.savedCardId())).map(card -> {
                if (card == null || !card.belongsTo(order.userId())) {
                    throw new BrokenRule("savedCardId", "is not a card this shopper saved");
                }
                payment.savedCardId = card.id;
                payment.cardToken = card.gatewayToken;
                payment.describeCard(card.brand, card.last4);
                return payment;
            });
        }
        if (order.cardToken() == null || order.cardToken().isBlank()) {
            throw new BrokenRule("cardToken", "a card payment needs a card token or a saved card");
        }
        payment.cardToken = order.cardToken();
        return Uni.createFrom().item(payment);
    }

    /** Sends the charge. No connection: failed at once; no answer: looked up. */
    private Uni<Payment> send(Payment payment) {
        Instant expiresAt = switch (payment.method) {
            case BANK_TRANSFER -> payment.createdAt.plus(config.bankTransferExpiry());
            case EASY_PAY -> payment.createdAt.plus(config.walletExpiry());
            case CARD -> null;
        };
        ChargeRequest request = new ChargeRequest(payment.id.toString(), payment.orderId, payment.amount(), payment.method,
                payment.cardToken, !payment.authoriseOnly, payment.returnUrl, expiresAt);
        return gateways.charge(payment.gateway, request)
                .chain(answer -> describeCard(payment, answer))
                .chain(answer -> apply(payment.id, answer, kindOf(payment)))
                .onFailure(GatewayUnreachable.class).recoverWithUni(failure -> {
                    LOG.warnf("payment %s: %s", payment.id, failure.getMessage());
                    return fail(payment.id, FailureCode.GATEWAY_UNAVAILABLE, FailureCode.GATEWAY_UNAVAILABLE.description());
                })
                .onFailure(OutcomeUnknown.class).recoverWithUni(failure -> {
                    // maybe charged, maybe not: the payment stays PENDING until the gateway says which
                    LOG.warnf("payment %s: %s; looking it up", payment.id, failure.getMessage());
                    metrics.counter("mall.payment.unknown.outcomes").increment();
                    return lookUpOnce(payment);
                });
    }

    /** The card charged, for the shopper to recognise it: from the answer, or asked of the gateway when the answer does not say. */
    private Uni<GatewayAnswer> describeCard(Payment payment, GatewayAnswer answer) {
        if (payment.method != PaymentMethod.CARD || payment.cardBrand != null || answer.card() != null || payment.cardToken == null) {
            return Uni.createFrom().item(answer);
        }
        return gateways.card(payment.gateway, payment.cardToken).map(answer::withCard)
                // the charge's answer stands without the card's description
                .onFailure().recoverWithItem(answer);
    }

    /** After a timeout: what the gateway did, if it says now; otherwise the payment waits for the sweep. */
    private Uni<Payment> lookUpOnce(Payment payment) {
        return gateways.lookUp(payment.gateway, payment.id.toString(), payment.gatewayReference)
                .chain(found -> found.isPresent() ? apply(payment.id, found.get(), kindOf(payment)) : Uni.createFrom().item(payment))
                .onFailure().recoverWithItem(payment);
    }

    /** Records what the gateway answered, with the event for it, in one transaction. */
    Uni<Payment> apply(UUID paymentId, GatewayAnswer answer, Transaction.Kind kind) {
        return Panache.withTransaction(() -> payments.findForUpdate(paymentId).call(payment -> {
            Instant now = clock.instant();
            if (answer.card() != null && payment.cardBrand == null) {
                payment.describeCard(answer.card().brand(), answer.card().last4());
            }
            String token = payment.cardToken;
            return switch (answer.outcome()) {
                case CAPTURED -> {
                    if (!payment.isCancellable()) {
                        yield Uni.createFrom().voidItem(); // recorded already, by another delivery or the sweep
                    }
                    Money amount = answer.amount() == null ? payment.amount() : answer.amount();
                    payment.captured(answer.reference(), amount, now);
                    metrics.counter("mall.payment.captures", "method", payment.method.name()).increment();
                    yield transactions.persist(Transaction.succeeded(payment, Transaction.Kind.CAPTURE, amount, payment.gatewayReference, now))
                            .chain(() -> keepCard(payment, token, now))
                            .chain(() -> outbox.add(EventTypes.PAYMENT_CAPTURED, payment.orderId, new PaymentCaptured(payment.id,
                                    payment.orderId, amount.minor(), amount.currency(), payment.method.name()), now));
                }
                case AUTHORISED -> {
                    if (payment.status != PaymentStatus.PENDING && payment.status != PaymentStatus.ACTION_REQUIRED) {
                        yield Uni.createFrom().voidItem();
                    }
                    payment.authorised(answer.reference(), now);
                    yield transactions.persist(Transaction.succeeded(payment, Transaction.Kind.AUTHORISATION, payment.amount(),
                            payment.gatewayReference, now))
                            .chain(() -> keepCard(payment, token, now))
                            .chain(() -> outbox.add(EventTypes.PAYMENT_AUTHORISED, payment.orderId, new PaymentAuthorised(payment.id,
                                    payment.orderId, payment.amountMinor, payment.currency, payment.method.name()), now));
                }
                case ACTION_REQUIRED -> {
                    if (payment.status != PaymentStatus.PENDING) {
                        yield Uni.createFrom().voidItem();
                    }
                    payment.awaitingShopper(answer.reference(), answer.bank(), answer.accountNumber(), answer.approvalUrl(),
                            answer.expiresAt(), now);
                    yield outbox.add(EventTypes.PAYMENT_ACTION_REQUIRED, payment.orderId, actionRequired(payment), now);
                }
                case FAILED -> {
                    if (payment.status == PaymentStatus.AUTHORISED) {
                        // a capture was refused: the authorisation stands, and the history says so
                        yield transactions.persist(Transaction.failed(payment, kind, payment.amount(), answer.failure(), now));
                    }
                    if (payment.status != PaymentStatus.PENDING && payment.status != PaymentStatus.ACTION_REQUIRED) {
                        yield Uni.createFrom().voidItem();
                    }
                    if (answer.reference() != null) {
                        payment.gatewayReference = answer.reference();
                    }
                    payment.failed(answer.failure(), answer.message(), now);
                    metrics.counter("mall.payment.failures", "code", answer.failure().name()).increment();
                    yield transactions.persist(Transaction.failed(payment, kind, payment.amount(), answer.failure(), now))
                            .chain(() -> outbox.add(EventTypes.PAYMENT_FAILED, payment.orderId, new PaymentFailed(payment.id,
                                    payment.orderId, payment.failureCode.name(), payment.failureReason), now));
                }
                case CANCELLED -> {
                    if (!payment.isCancellable()) {
                        yield Uni.createFrom().voidItem();
                    }
                    payment.cancelled(answer.message(), now);
                    yield outbox.add(EventTypes.PAYMENT_CANCELLED, payment.orderId,
                            new PaymentCancelled(payment.id, payment.orderId, payment.failureReason), now);
                }
                case APPROVED -> Uni.createFrom().voidItem(); // captured next, by the caller
                case REFUNDED -> throw new IllegalStateException("a charge cannot be answered with a refund");
            };
        })).invoke(relay::nudge);
    }

    /** Fails a payment that is still waiting; one that has an answer by now is left as it is. */
    Uni<Payment> fail(UUID paymentId, FailureCode code, String reason) {
        return apply(paymentId, GatewayAnswer.failed(null, code, reason), Transaction.Kind.CAPTURE);
    }

    private Uni<Payment> giveUpIfTooOld(Payment payment, Throwable failure) {
        if (payment.createdAt.plus(config.unknownOutcomeGiveUp()).isAfter(clock.instant())) {
            LOG.debugf("payment %s still unknown: %s", payment.id, failure.getMessage());
            return Uni.createFrom().item(payment); // the sweep asks again
        }
        LOG.errorf("payment %s: outcome unknown after %s, failing it: %s", payment.id, config.unknownOutcomeGiveUp(), failure.getMessage());
        return fail(payment.id, FailureCode.GATEWAY_UNAVAILABLE, "the payment gateway did not confirm the payment in time");
    }

    /** The last event of a payment, published again: a repeated command gets the same answer. */
    private Uni<Payment> announceAgain(Payment payment) {
        Instant now = clock.instant();
        String type;
        Object event;
        switch (payment.status) {
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> {
                type = EventTypes.PAYMENT_CAPTURED;
                event = new PaymentCaptured(payment.id, payment.orderId, payment.capturedMinor, payment.currency, payment.method.name());
            }
            case AUTHORISED -> {
                type = EventTypes.PAYMENT_AUTHORISED;
                event = new PaymentAuthorised(payment.id, payment.orderId, payment.amountMinor, payment.currency, payment.method.name());
            }
            case ACTION_REQUIRED -> {
                type = EventTypes.PAYMENT_ACTION_REQUIRED;
                event = actionRequired(payment);
            }
            case FAILED -> {
                type = EventTypes.PAYMENT_FAILED;
                event = new PaymentFailed(payment.id, payment.orderId, payment.failureCode.name(), payment.failureReason);
            }
            case CANCELLED -> {
                type = EventTypes.PAYMENT_CANCELLED;
                event = new PaymentCancelled(payment.id, payment.orderId, payment.failureReason);
            }
            default -> {
                return Uni.createFrom().item(payment);
            }
        }
        return Panache.withTransaction(() -> outbox.add(type, payment.orderId, event, now)).invoke(relay::nudge).replaceWith(payment);
    }

    private Uni<Void> keepCard(Payment payment, String token, Instant now) {
        if (!payment.saveCard || payment.savedCardId != null || token == null) {
            return Uni.createFrom().voidItem();
        }
        return gateways.card(payment.gateway, token).chain(details -> cards.findByToken(payment.userId, payment.gateway, token)
                .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : cards.persist(SavedCard.keep(payment.userId, payment.gateway, details, now))
                                .invoke(saved -> payment.savedCardId = saved.id).replaceWithVoid()))
                // the charge stands even if the card cannot be kept; the shopper can save it again
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("payment %s: card not kept: %s", payment.id, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static PaymentActionRequired actionRequired(Payment payment) {
        return new PaymentActionRequired(payment.id, payment.orderId, payment.amountMinor, payment.currency, payment.method.name(),
                payment.bank, payment.accountNumber, payment.approvalUrl, payment.expiresAt);
    }

    private static Transaction.Kind kindOf(Payment payment) {
        return payment.authoriseOnly ? Transaction.Kind.AUTHORISATION : Transaction.Kind.CAPTURE;
    }

    /** A payment as found or as just written. */
    private record Recorded(Payment payment, boolean isNew) {
    }
}

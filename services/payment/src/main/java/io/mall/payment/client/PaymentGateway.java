package io.mall.payment.client;

import java.util.Optional;
import java.util.Set;

import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;
import io.smallrye.mutiny.Uni;

/**
 * A payment provider: the built-in sandbox, Stripe, PayPal. Every operation that moves money
 * carries an idempotency key, so sending it twice moves the money once. A refusal (a declined card)
 * is an answer; a failure of the Uni means the outcome is not known ({@link GatewayUnreachable}: the
 * request surely never arrived) and is resolved by {@link #lookUp}, never by sending a new charge.
 * Implementations are called through {@link Gateways}, which adds the timeout and circuit breaker.
 */
public interface PaymentGateway {

    /** The name payments record, so each stays with the gateway that holds it: {@code sandbox}, {@code stripe}, {@code paypal}. */
    String name();

    Set<PaymentMethod> methods();

    /** Charges a card (captured at once, or only authorised), opens a virtual account, or starts a wallet approval. */
    Uni<GatewayAnswer> charge(ChargeRequest request);

    /** Takes {@code amount} of an authorisation, or completes an approved wallet payment. */
    Uni<GatewayAnswer> capture(String reference, Money amount, String idempotencyKey);

    /** Releases an authorisation, or closes a virtual account or wallet approval: nothing is taken. */
    Uni<GatewayAnswer> cancel(String reference, String idempotencyKey);

    Uni<GatewayAnswer> refund(String reference, Money amount, String idempotencyKey);

    /**
     * What became of the charge sent with {@code idempotencyKey} (and, when known, {@code reference}):
     * empty when the gateway never received it.
     */
    Uni<Optional<GatewayAnswer>> lookUp(String idempotencyKey, String reference);

    /** Brand, last four digits and expiry of a card token this gateway issued. */
    Uni<CardDetails> card(String token);
}

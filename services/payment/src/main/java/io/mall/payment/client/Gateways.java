package io.mall.payment.client;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.mall.payment.PaymentConfig;
import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one way to a gateway: picks it (by method for a new payment, by name for one it holds) and
 * guards each call with a timeout and a circuit breaker of its own. A timeout is an
 * {@link OutcomeUnknown}; no connection or an open breaker is {@link GatewayUnreachable}. Only
 * look-ups are retried: a charge is never sent twice by this class.
 */
@ApplicationScoped
public class Gateways {

    private static final TypeLiteral<Uni<GatewayAnswer>> ANSWER = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Uni<Optional<GatewayAnswer>>> LOOKUP = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Uni<CardDetails>> CARD = new TypeLiteral<>() {
    };

    private final Map<String, PaymentGateway> gateways = new HashMap<>();
    private final Map<String, Guard> guards = new HashMap<>();
    private final PaymentConfig config;
    private final Duration timeout;

    Gateways(Instance<PaymentGateway> available, PaymentConfig config) {
        this.config = config;
        this.timeout = config.gatewayTimeout();
        for (PaymentGateway gateway : available) {
            gateways.put(gateway.name(), gateway);
            guards.put(gateway.name(), Guard.create()
                    .withDescription("payment gateway " + gateway.name())
                    .withCircuitBreaker()
                    .name("gateway-" + gateway.name())
                    .requestVolumeThreshold(10).failureRatio(0.5).delay(10, ChronoUnit.SECONDS).successThreshold(2)
                    .done()
                    .build());
        }
        require(config.cardGateway(), PaymentMethod.CARD);
        require(config.bankTransferGateway(), PaymentMethod.BANK_TRANSFER);
        require(config.walletGateway(), PaymentMethod.EASY_PAY);
    }

    /** The gateway that takes new payments of this method. */
    public String forMethod(PaymentMethod method) {
        return switch (method) {
            case CARD -> config.cardGateway();
            case BANK_TRANSFER -> config.bankTransferGateway();
            case EASY_PAY -> config.walletGateway();
        };
    }

    public Uni<GatewayAnswer> charge(String gateway, ChargeRequest request) {
        return guarded(gateway, () -> gateway(gateway).charge(request), ANSWER);
    }

    public Uni<GatewayAnswer> capture(String gateway, String reference, Money amount, String idempotencyKey) {
        return guarded(gateway, () -> gateway(gateway).capture(reference, amount, idempotencyKey), ANSWER);
    }

    public Uni<GatewayAnswer> cancel(String gateway, String reference, String idempotencyKey) {
        return guarded(gateway, () -> gateway(gateway).cancel(reference, idempotencyKey), ANSWER);
    }

    public Uni<GatewayAnswer> refund(String gateway, String reference, Money amount, String idempotencyKey) {
        return guarded(gateway, () -> gateway(gateway).refund(reference, amount, idempotencyKey), ANSWER);
    }

    /** Looks up are safe to repeat: a failed one is tried twice more before the caller hears of it. */
    public Uni<Optional<GatewayAnswer>> lookUp(String gateway, String idempotencyKey, String reference) {
        return guarded(gateway, () -> gateway(gateway).lookUp(idempotencyKey, reference), LOOKUP)
                .onFailure(OutcomeUnknown.class).retry().withBackOff(Duration.ofMillis(200)).atMost(2);
    }

    public Uni<CardDetails> card(String gateway, String token) {
        return guarded(gateway, () -> gateway(gateway).card(token), CARD);
    }

    private <T> Uni<T> guarded(String name, Supplier<Uni<T>> call, TypeLiteral<Uni<T>> type) {
        Guard guard = guards.get(name);
        if (guard == null) {
            return Uni.createFrom().failure(new IllegalStateException("no payment gateway named " + name));
        }
        return guard.get(() -> Uni.createFrom().<T>deferred(call::get)
                .ifNoItem().after(timeout).failWith(() -> new OutcomeUnknown(name + " did not answer within " + timeout, null)),
                type)
                .onFailure().transform(Gateways::classify);
    }

    private PaymentGateway gateway(String name) {
        return gateways.get(name);
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof GatewayUnreachable || failure instanceof OutcomeUnknown) {
            return failure;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new GatewayUnreachable("the gateway failed too often lately; not calling it for a while", failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new GatewayUnreachable("the gateway cannot be reached", failure);
            }
        }
        return new OutcomeUnknown("the gateway's answer is unknown: " + failure.getMessage(), failure);
    }

    private void require(String name, PaymentMethod method) {
        PaymentGateway gateway = gateways.get(name);
        if (gateway == null) {
            throw new IllegalStateException("mall.payment: no payment gateway named " + name + " (known: " + gateways.keySet() + ")");
        }
        if (!gateway.methods().contains(method)) {
            throw new IllegalStateException("mall.payment: the " + name + " gateway does not take " + method + " payments");
        }
    }
}

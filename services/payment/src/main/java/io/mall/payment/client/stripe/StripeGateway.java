package io.mall.payment.client.stripe;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.mall.domain.BrokenRule;
import io.mall.payment.PaymentConfig;
import io.mall.payment.client.ChargeRequest;
import io.mall.payment.client.GatewayAnswer;
import io.mall.payment.client.GatewayReply;
import io.mall.payment.client.GatewayUnreachable;
import io.mall.payment.client.OutcomeUnknown;
import io.mall.payment.client.PaymentGateway;
import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.FailureCode;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;
import io.smallrye.mutiny.Uni;

/**
 * Cards through Stripe's PaymentIntents: created and confirmed in one call (captured at once, or
 * {@code capture_method=manual} to authorise), captured, cancelled, refunded, each with the
 * caller's idempotency key. The payment's id travels as {@code metadata[payment_id]}, so a charge
 * whose answer was lost is found again by searching for it. A 402 is a declined card; a 5xx, a
 * 429 or no answer leaves the outcome unknown; a 401 means our key is refused (nothing happened).
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

    public static final String NAME = "stripe";

    private final StripeApi api;
    private final PaymentConfig.Stripe config;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    StripeGateway(@RestClient StripeApi api, PaymentConfig config, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.api = api;
        this.config = config.stripe();
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.CARD);
    }

    @Override
    public Uni<GatewayAnswer> charge(ChargeRequest request) {
        if (request.method() != PaymentMethod.CARD) {
            return Uni.createFrom().item(GatewayAnswer.failed(null, FailureCode.INVALID_REQUEST, "Stripe takes cards here"));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("amount", Long.toString(request.amount().minor()));
        form.add("currency", request.amount().currency().toLowerCase(Locale.ROOT));
        form.add("payment_method", request.cardToken());
        form.add("confirm", "true");
        form.add("capture_method", request.capture() ? "automatic" : "manual");
        form.add("payment_method_types[]", "card");
        form.add("metadata[payment_id]", request.idempotencyKey());
        form.add("metadata[order_id]", request.orderId().toString());
        // the charge's card comes back with the answer, so no second call is needed to describe it
        form.add("expand[]", "latest_charge");
        if (request.returnUrl() != null) {
            form.add("return_url", request.returnUrl());
        }
        return call(api.createPaymentIntent(bearer(), request.idempotencyKey(), form)).map(answer -> intent(answer, request.amount()));
    }

    @Override
    public Uni<GatewayAnswer> capture(String reference, Money amount, String idempotencyKey) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("amount_to_capture", Long.toString(amount.minor()));
        return call(api.capture(bearer(), idempotencyKey, reference, form)).map(answer -> intent(answer, amount));
    }

    @Override
    public Uni<GatewayAnswer> cancel(String reference, String idempotencyKey) {
        return call(api.cancel(bearer(), idempotencyKey, reference, new MultivaluedHashMap<>())).map(answer -> intent(answer, null));
    }

    @Override
    public Uni<GatewayAnswer> refund(String reference, Money amount, String idempotencyKey) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("payment_intent", reference);
        form.add("amount", Long.toString(amount.minor()));
        form.add("metadata[refund_id]", idempotencyKey);
        return call(api.refund(bearer(), idempotencyKey, form)).map(answer -> {
            if (answer.status() >= 400) {
                return refusal(reference, answer.body());
            }
            JsonNode refund = answer.body();
            String status = refund.path("status").asText();
            if (status.equals("failed") || status.equals("canceled")) {
                return GatewayAnswer.failed(refund.path("id").asText(null), FailureCode.DECLINED,
                        "Stripe could not refund: " + refund.path("failure_reason").asText("unknown reason"));
            }
            // succeeded, or pending (a card refund that completes by itself)
            return GatewayAnswer.refunded(refund.path("id").asText(), new Money(refund.path("amount").asLong(), amount.currency()));
        });
    }

    @Override
    public Uni<Optional<GatewayAnswer>> lookUp(String idempotencyKey, String reference) {
        if (reference != null) {
            return call(api.paymentIntent(bearer(), reference)).map(answer -> answer.status() == 404 ? Optional.<GatewayAnswer>empty()
                    : Optional.of(intent(answer, null)));
        }
        // search is eventually consistent: not found yet means the charge is sent again with its key,
        // and Stripe answers a key it has seen with that first answer, so it is still charged once
        return call(api.searchPaymentIntents(bearer(), "metadata['payment_id']:'" + idempotencyKey.replace("'", "") + "'"))
                .map(answer -> {
                    JsonNode found = answer.body() == null ? null : answer.body().path("data");
                    if (found == null || !found.isArray() || found.isEmpty()) {
                        return Optional.<GatewayAnswer>empty();
                    }
                    return Optional.of(intentAnswer(found.get(0), null));
                });
    }

    @Override
    public Uni<CardDetails> card(String token) {
        return call(api.paymentMethod(bearer(), token)).map(answer -> {
            JsonNode card = answer.body() == null ? null : answer.body().path("card");
            if (answer.status() == 404 || card == null || card.isMissingNode()) {
                throw new BrokenRule("token", "is not a card of this Stripe account");
            }
            return new CardDetails(token, card.path("brand").asText(), card.path("last4").asText(), card.path("exp_month").asInt(),
                    card.path("exp_year").asInt());
        });
    }

    /** A PaymentIntent answer, or Stripe's error about one. */
    private GatewayAnswer intent(GatewayReply answer, Money asked) {
        JsonNode body = answer.body();
        if (answer.status() >= 400) {
            return refusal(null, body);
        }
        return intentAnswer(body, asked);
    }

    private static GatewayAnswer intentAnswer(JsonNode intent, Money asked) {
        String id = intent.path("id").asText();
        Money amount = new Money(intent.path("amount").asLong(), intent.path("currency").asText().toUpperCase(Locale.ROOT));
        JsonNode card = intent.path("latest_charge").path("payment_method_details").path("card");
        CardDetails charged = card.isObject() ? new CardDetails(intent.path("payment_method").asText(null), card.path("brand").asText(),
                card.path("last4").asText(), card.path("exp_month").asInt(), card.path("exp_year").asInt()) : null;
        return switch (intent.path("status").asText()) {
            case "succeeded" -> GatewayAnswer.captured(id, new Money(intent.path("amount_received").asLong(amount.minor()),
                    amount.currency()), charged);
            case "requires_capture" -> GatewayAnswer.authorised(id, amount, charged);
            case "requires_action" -> GatewayAnswer.approvalAwaited(id, amount,
                    intent.path("next_action").path("redirect_to_url").path("url").asText(null), null);
            case "canceled" -> GatewayAnswer.cancelled(id);
            case "requires_payment_method" -> {
                JsonNode error = intent.path("last_payment_error");
                yield GatewayAnswer.failed(id, failureOf(error), error.path("message").asText("the card was declined"));
            }
            // processing, requires_confirmation: not settled; looked at again later
            default -> throw new OutcomeUnknown("Stripe has payment " + id + " " + intent.path("status").asText(), null);
        };
    }

    /** A 4xx: what Stripe refused and why. */
    private static GatewayAnswer refusal(String reference, JsonNode body) {
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || error.isMissingNode()) {
            return GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "Stripe refused the request");
        }
        String intentId = error.path("payment_intent").path("id").asText(reference);
        return GatewayAnswer.failed(intentId, failureOf(error), error.path("message").asText("Stripe refused the request"));
    }

    static FailureCode failureOf(JsonNode error) {
        String code = error.path("code").asText("");
        String decline = error.path("decline_code").asText("");
        if (decline.equals("insufficient_funds")) {
            return FailureCode.INSUFFICIENT_FUNDS;
        }
        return switch (code) {
            case "expired_card" -> FailureCode.EXPIRED_CARD;
            case "processing_error" -> FailureCode.PROCESSING_ERROR;
            case "card_declined", "incorrect_cvc", "incorrect_number", "incorrect_zip", "authentication_required" -> FailureCode.DECLINED;
            default -> error.path("type").asText("").equals("card_error") ? FailureCode.DECLINED : FailureCode.INVALID_REQUEST;
        };
    }

    private Uni<GatewayReply> call(Uni<jakarta.ws.rs.core.Response> request) {
        return GatewayReply.read(request, "Stripe", json);
    }

    private String bearer() {
        return "Bearer " + config.secretKey().orElseThrow(() -> new GatewayUnreachable(
                "mall.payment.stripe.secret-key is not set", null));
    }
}

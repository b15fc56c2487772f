package io.mall.payment.client.paypal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Wallet payments through PayPal Orders v2: an order is created (the shopper is sent to its
 * {@code payer-action} link to approve), captured once approved, refunded by its capture. Each
 * money-moving call carries {@code PayPal-Request-Id}, which PayPal answers with its first answer
 * when it sees it again. The access token is fetched with the client credentials and reused
 * until shortly before it expires.
 */
@ApplicationScoped
public class PayPalGateway implements PaymentGateway {

    public static final String NAME = "paypal";

    private static final String REPRESENTATION = "return=representation";

    private final PayPalApi api;
    private final PaymentConfig.PayPal config;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<AccessToken> token = new AtomicReference<>();

    private record AccessToken(String value, Instant renewAt) {
    }

    PayPalGateway(@RestClient PayPalApi api, PaymentConfig config, ObjectMapper json, Clock clock) {
        this.api = api;
        this.config = config.paypal();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.EASY_PAY);
    }

    @Override
    public Uni<GatewayAnswer> charge(ChargeRequest request) {
        if (request.method() != PaymentMethod.EASY_PAY) {
            return Uni.createFrom().item(GatewayAnswer.failed(null, FailureCode.INVALID_REQUEST, "PayPal takes wallet payments here"));
        }
        ObjectNode order = json.createObjectNode().put("intent", "CAPTURE");
        ObjectNode unit = order.putArray("purchase_units").addObject()
                .put("reference_id", request.orderId().toString())
                .put("custom_id", request.idempotencyKey());
        unit.putObject("amount").put("currency_code", request.amount().currency()).put("value", decimal(request.amount()));
        ObjectNode context = order.putObject("payment_source").putObject("paypal").putObject("experience_context")
                .put("user_action", "PAY_NOW").put("shipping_preference", "NO_SHIPPING");
        if (request.returnUrl() != null) {
            context.put("return_url", request.returnUrl()).put("cancel_url", request.returnUrl());
        }
        return bearer().chain(bearer -> call(api.createOrder(bearer, request.idempotencyKey(), REPRESENTATION, order)))
                .map(answer -> answer.status() >= 400 ? refusal(null, answer.body()) : orderAnswer(answer.body(), request.expiresAt()));
    }

    @Override
    public Uni<GatewayAnswer> capture(String reference, Money amount, String idempotencyKey) {
        return bearer().chain(bearer -> call(api.capture(bearer, idempotencyKey, REPRESENTATION, reference, json.createObjectNode())))
                .map(answer -> answer.status() >= 400 ? refusal(reference, answer.body()) : orderAnswer(answer.body(), null));
    }

    /** An order that is not captured is never charged: it is left to expire at PayPal, and is over here. */
    @Override
    public Uni<GatewayAnswer> cancel(String reference, String idempotencyKey) {
        return lookUp(idempotencyKey, reference).map(found -> found.filter(answer -> answer.outcome() == GatewayAnswer.Outcome.CAPTURED)
                .map(captured -> GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "the PayPal order is captured already"))
                .orElse(GatewayAnswer.cancelled(reference)));
    }

    @Override
    public Uni<GatewayAnswer> refund(String reference, Money amount, String idempotencyKey) {
        return bearer().chain(bearer -> call(api.order(bearer, reference)).chain(order -> {
            String capture = order.body() == null ? null
                    : order.body().path("purchase_units").path(0).path("payments").path("captures").path(0).path("id").asText(null);
            if (capture == null) {
                return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "the PayPal order has no capture"));
            }
            ObjectNode body = json.createObjectNode();
            body.putObject("amount").put("currency_code", amount.currency()).put("value", decimal(amount));
            body.put("invoice_id", idempotencyKey);
            return call(api.refund(bearer, idempotencyKey, capture, body)).map(answer -> {
                JsonNode refund = answer.body();
                if (answer.status() >= 400) {
                    return refusal(reference, refund);
                }
                String status = refund.path("status").asText();
                if (status.equals("CANCELLED") || status.equals("FAILED")) {
                    return GatewayAnswer.failed(refund.path("id").asText(null), FailureCode.DECLINED, "PayPal did not refund: " + status);
                }
                return GatewayAnswer.refunded(refund.path("id").asText(), amount);
            });
        }));
    }

    /** By order id; without one (a create whose answer was lost) there is nothing to read: it is created again with its key. */
    @Override
    public Uni<Optional<GatewayAnswer>> lookUp(String idempotencyKey, String reference) {
        if (reference == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return bearer().chain(bearer -> call(api.order(bearer, reference)))
                .map(answer -> answer.status() == 404 ? Optional.<GatewayAnswer>empty() : Optional.of(orderAnswer(answer.body(), null)));
    }

    @Override
    public Uni<CardDetails> card(String token) {
        return Uni.createFrom().failure(new BrokenRule("token", "PayPal keeps no cards here"));
    }

    /** Whether PayPal says it sent this webhook (its verify-webhook-signature API, with this endpoint's webhook id). */
    public Uni<Boolean> verifyWebhook(ObjectNode verification) {
        verification.put("webhook_id", config.webhookId().orElse(""));
        return bearer().chain(bearer -> call(api.verifyWebhookSignature(bearer, verification)))
                .map(answer -> answer.status() == 200 && "SUCCESS".equals(answer.body().path("verification_status").asText()));
    }

    private GatewayAnswer orderAnswer(JsonNode order, Instant expiresAt) {
        String id = order.path("id").asText();
        JsonNode unit = order.path("purchase_units").path(0);
        JsonNode capture = unit.path("payments").path("captures").path(0);
        String currency = unit.path("amount").path("currency_code").asText(capture.path("amount").path("currency_code").asText(null));
        String value = unit.path("amount").path("value").asText(capture.path("amount").path("value").asText(null));
        Money amount = currency == null || value == null ? null : minor(currency, value);
        return switch (order.path("status").asText()) {
            case "COMPLETED" -> switch (capture.path("status").asText("COMPLETED")) {
                case "DECLINED", "FAILED" -> GatewayAnswer.failed(id, FailureCode.DECLINED, "PayPal declined the capture");
                // PENDING: PayPal holds it for review; it completes or is declined later, and the webhook says which
                case "PENDING" -> throw new OutcomeUnknown("PayPal holds the capture of " + id + " for review", null);
                default -> GatewayAnswer.captured(id, amount, null);
            };
            case "APPROVED" -> GatewayAnswer.approved(id, amount);
            case "VOIDED" -> GatewayAnswer.cancelled(id);
            default -> GatewayAnswer.approvalAwaited(id, amount, approvalLink(order), expiresAt); // CREATED, PAYER_ACTION_REQUIRED, SAVED
        };
    }

    private static String approvalLink(JsonNode order) {
        for (JsonNode link : order.path("links")) {
            String rel = link.path("rel").asText();
            if (rel.equals("payer-action") || rel.equals("approve")) {
                return link.path("href").asText();
            }
        }
        return null;
    }

    private static GatewayAnswer refusal(String reference, JsonNode body) {
        String issue = body == null ? "" : body.path("details").path(0).path("issue").asText(body.path("name").asText(""));
        String message = body == null ? "PayPal refused the request" : body.path("message").asText("PayPal refused the request");
        FailureCode code = switch (issue) {
            case "INSTRUMENT_DECLINED", "PAYER_ACTION_REQUIRED", "TRANSACTION_REFUSED" -> FailureCode.DECLINED;
            default -> FailureCode.INVALID_REQUEST;
        };
        return GatewayAnswer.failed(reference, code, issue.isEmpty() ? message : issue + ": " + message);
    }

    private Uni<String> bearer() {
        AccessToken current = token.get();
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Uni.createFrom().item("Bearer " + current.value());
        }
        String clientId = config.clientId().orElseThrow(() -> new GatewayUnreachable("mall.payment.paypal.client-id is not set", null));
        String secret = config.clientSecret().orElseThrow(() -> new GatewayUnreachable("mall.payment.paypal.client-secret is not set", null));
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return call(api.token(basic, "client_credentials")).map(answer -> {
            if (answer.status() != 200) {
                throw new GatewayUnreachable("PayPal refused this service's client credentials (" + answer.status() + ")", null);
            }
            JsonNode body = answer.body();
            // renewed a minute early, so no request carries a token that expires on the way
            Instant renewAt = clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(0) - 60));
            token.set(new AccessToken(body.path("access_token").asText(), renewAt));
            return "Bearer " + body.path("access_token").asText();
        });
    }

    private Uni<GatewayReply> call(Uni<jakarta.ws.rs.core.Response> request) {
        return GatewayReply.read(request, "PayPal", json);
    }

    /** PayPal's amounts are decimal strings in the currency's major unit. */
    static String decimal(Money amount) {
        return BigDecimal.valueOf(amount.minor(), digits(amount.currency())).toPlainString();
    }

    static Money minor(String currency, String value) {
        return new Money(new BigDecimal(value).movePointRight(digits(currency)).longValueExact(), currency);
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}

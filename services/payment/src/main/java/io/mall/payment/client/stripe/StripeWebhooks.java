package io.mall.payment.client.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.domain.BrokenRule;
import io.mall.domain.NotAuthenticated;
import io.mall.payment.PaymentConfig;

/**
 * Reads a Stripe webhook only if Stripe sent it: {@code Stripe-Signature} carries a timestamp and
 * an HMAC-SHA256 of {@code <timestamp>.<body>} under the endpoint's signing secret; a wrong
 * signature or one older than {@code mall.payment.stripe.webhook-tolerance} (a replay) is refused.
 */
@ApplicationScoped
public class StripeWebhooks {

    /** A verified event: its id (to take it once), its type, and the PaymentIntent it is about (null: none). */
    public record Event(String id, String type, String paymentIntent) {
    }

    private final PaymentConfig.Stripe config;
    private final ObjectMapper json;

    StripeWebhooks(PaymentConfig config, ObjectMapper json) {
        this.config = config.stripe();
        this.json = json;
    }

    public Event verify(String body, String signatureHeader, Instant now) {
        String secret = config.webhookSecret().orElseThrow(() -> new NotAuthenticated("no Stripe webhook secret is configured"));
        if (signatureHeader == null || body == null) {
            throw new NotAuthenticated("the Stripe-Signature header is missing");
        }
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw new NotAuthenticated("the Stripe-Signature timestamp is not a number");
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp < 0 || signatures.isEmpty()) {
            throw new NotAuthenticated("the Stripe-Signature header has no timestamp or no v1 signature");
        }
        byte[] expected = sign(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        boolean matches = signatures.stream().anyMatch(given -> MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)));
        if (!matches) {
            throw new NotAuthenticated("the Stripe-Signature does not match the body");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(config.webhookTolerance()) > 0) {
            throw new NotAuthenticated("the Stripe webhook was signed too long ago");
        }
        try {
            JsonNode event = json.readTree(body);
            JsonNode object = event.path("data").path("object");
            String intent = switch (object.path("object").asText()) {
                case "payment_intent" -> object.path("id").asText(null);
                case "charge", "refund" -> object.path("payment_intent").asText(null);
                default -> null;
            };
            return new Event(event.path("id").asText(), event.path("type").asText(), intent);
        } catch (JsonProcessingException e) {
            throw new BrokenRule("body", "is not a Stripe event");
        }
    }

    /** The {@code v1} signature of {@code signedPayload} under {@code secret}; public for the tests' own webhooks. */
    public static String sign(String secret, String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

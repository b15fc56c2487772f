package io.mall.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.payment.ChargePayment;
import io.mall.payment.client.stripe.StripeWebhooks;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Cards through the Stripe adapter, against a stub that answers as Stripe's API reference documents. */
@QuarkusTest
@TestProfile(StripeStub.Profile.class)
class StripeGatewayTest {

    @Test
    void aChargeCreatesAConfirmedPaymentIntentWithThePaymentsIdAsIdempotencyKey() {
        String card = paymentMethod("visa", "4242");
        UUID order = UUID.randomUUID();
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .willReturn(okJson(intent("pi_ok_" + order, "succeeded", 25_900))));

        charge(order, card, 25_900);

        JsonPath captured = event(order, EventTypes.PAYMENT_CAPTURED);
        assertThat(captured.getLong("data.amountMinor")).isEqualTo(25_900);
        LoggedRequest sent = intentRequests(order).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(captured.getString("data.paymentId"));
        assertThat(sent.getBodyAsString()).contains("amount=25900", "currency=krw", "confirm=true", "capture_method=automatic",
                "payment_method=" + card, "metadata[payment_id]=" + captured.getString("data.paymentId"));
        given().auth().oauth2(TestTokens.admin("a-1")).when().get("/api/v1/payments/" + captured.getString("data.paymentId"))
                .then().statusCode(200).body("card.brand", org.hamcrest.Matchers.equalTo("visa"))
                .body("gateway", org.hamcrest.Matchers.equalTo("stripe"));
    }

    @Test
    void aDeclineIsAFailedPaymentWithStripesReason() {
        String card = paymentMethod("visa", "9995");
        UUID order = UUID.randomUUID();
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                         "message": "Your card has insufficient funds.",
                         "payment_intent": {"id": "pi_declined_%s", "object": "payment_intent", "status": "requires_payment_method"}}}
                        """.formatted(order))));

        charge(order, card, 5_000);

        JsonPath failed = event(order, EventTypes.PAYMENT_FAILED);
        assertThat(failed.getString("data.code")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.getString("data.reason")).isEqualTo("Your card has insufficient funds.");
    }

    @Test
    void aChargeWhoseAnswerNeverCameIsFoundBySearchAndNotSentAgain() {
        String card = paymentMethod("visa", "4242");
        UUID order = UUID.randomUUID();
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .willReturn(okJson(intent("pi_slow_" + order, "succeeded", 7_000)).withFixedDelay(3_000)));
        StripeStub.server.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).withQueryParam("query", containing("payment_id"))
                .willReturn(okJson("{\"object\": \"search_result\", \"data\": [" + intent("pi_slow_" + order, "succeeded", 7_000) + "]}")));

        charge(order, card, 7_000);

        assertThat(event(order, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(7_000);
        assertThat(intentRequests(order)).hasSize(1);
    }

    @Test
    void aChargeAnsweredWithAServerErrorIsSentAgainWithTheSameKeyAndChargedOnce() {
        String card = paymentMethod("visa", "4242");
        UUID order = UUID.randomUUID();
        String scenario = "5xx-" + order;
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"type\": \"api_error\"}}")).willSetStateTo("answered"));
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .inScenario(scenario).whenScenarioStateIs("answered")
                .willReturn(okJson(intent("pi_retry_" + order, "succeeded", 9_900))));
        StripeStub.server.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                .willReturn(okJson("{\"object\": \"search_result\", \"data\": []}")));

        charge(order, card, 9_900);

        assertThat(event(order, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(9_900);
        List<LoggedRequest> sent = intentRequests(order);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void aRefundIsSentWithItsIdAsIdempotencyKeyAndTheIntentItBelongsTo() {
        String card = paymentMethod("mastercard", "4444");
        UUID order = UUID.randomUUID();
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .willReturn(okJson(intent("pi_refund_" + order, "succeeded", 10_000))));
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing("payment_intent=pi_refund_" + order))
                .willReturn(okJson("{\"id\": \"re_" + order + "\", \"object\": \"refund\", \"status\": \"succeeded\", \"amount\": 4000,"
                        + " \"currency\": \"krw\", \"payment_intent\": \"pi_refund_" + order + "\"}")));
        charge(order, card, 10_000);
        String payment = event(order, EventTypes.PAYMENT_CAPTURED).getString("data.paymentId");

        String refund = given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("paymentId", payment, "amountMinor", 4_000, "currency", "KRW", "reason", "returned"))
                .when().post("/api/v1/refunds").then().statusCode(201).extract().path("id");

        StripeStub.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(refund))
                .withRequestBody(containing("amount=4000")));
    }

    @Test
    void aSignedWebhookSettlesAPaymentThatWaitedForTheCardholderAndABadSignatureChangesNothing() {
        String card = paymentMethod("visa", "3220");
        UUID order = UUID.randomUUID();
        String intentId = "pi_3ds_" + order;
        StripeStub.server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("metadata[order_id]=" + order))
                .willReturn(okJson(intent(intentId, "requires_action", 30_000).replace("\"next_action\": null",
                        "\"next_action\": {\"type\": \"redirect_to_url\", \"redirect_to_url\": {\"url\": \"https://hooks.stripe.com/3ds/"
                                + order + "\"}}"))));
        charge(order, card, 30_000);
        assertThat(event(order, EventTypes.PAYMENT_ACTION_REQUIRED).getString("data.approvalUrl")).contains("hooks.stripe.com/3ds/");
        StripeStub.server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId))
                .willReturn(okJson(intent(intentId, "succeeded", 30_000))));
        String body = "{\"id\": \"evt_" + order + "\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\","
                + " \"data\": {\"object\": {\"id\": \"" + intentId + "\", \"object\": \"payment_intent\", \"status\": \"succeeded\"}}}";
        long now = Instant.now().getEpochSecond();

        webhook(body, "t=" + now + ",v1=" + StripeWebhooks.sign("whsec_someone_else", now + "." + body)).then().statusCode(401)
                .contentType("application/problem+json");
        webhook(body, "t=" + (now - 3_600) + ",v1=" + StripeWebhooks.sign(StripeStub.WEBHOOK_SECRET, (now - 3_600) + "." + body))
                .then().statusCode(401);
        StripeStub.server.verify(0, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intentId)));

        String signature = "t=" + now + ",v1=" + StripeWebhooks.sign(StripeStub.WEBHOOK_SECRET, now + "." + body);
        webhook(body, signature).then().statusCode(200).body("processed", org.hamcrest.Matchers.equalTo(true));
        webhook(body, signature).then().statusCode(200).body("processed", org.hamcrest.Matchers.equalTo(false));

        assertThat(event(order, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(30_000);
        StripeStub.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intentId)));
    }

    private static io.restassured.response.Response webhook(String body, String signature) {
        return given().contentType(ContentType.JSON).header("Stripe-Signature", signature).body(body)
                .when().post("/api/v1/payments/webhooks/stripe");
    }

    /** A PaymentMethod id the stub describes as a card of this brand. */
    private static String paymentMethod(String brand, String last4) {
        String id = "pm_" + UUID.randomUUID().toString().replace("-", "");
        StripeStub.server.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + id)).willReturn(okJson("""
                {"id": "%s", "object": "payment_method", "type": "card",
                 "card": {"brand": "%s", "last4": "%s", "exp_month": 12, "exp_year": 2031}}""".formatted(id, brand, last4))));
        return id;
    }

    private static String intent(String id, String status, long amount) {
        return """
                {"id": "%s", "object": "payment_intent", "status": "%s", "amount": %d, "amount_received": %d,
                 "currency": "krw", "capture_method": "automatic", "next_action": null, "latest_charge": "ch_%s"}"""
                .formatted(id, status, amount, status.equals("succeeded") ? amount : 0, id);
    }

    private static void charge(UUID order, String card, long amount) {
        io.mall.payment.Fixtures.charge(new ChargePayment(order, UUID.randomUUID(), amount, "KRW", "CARD", card, null, false, null, false));
    }

    private static List<LoggedRequest> intentRequests(UUID order) {
        return StripeStub.server.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("metadata[order_id]=" + order)));
    }

    private static JsonPath event(UUID order, String type) {
        return io.mall.payment.Fixtures.event(order, type);
    }

    static List<String> published(UUID order) {
        return TestKafka.read(Topics.PAYMENT_EVENTS, order.toString(), list -> !list.isEmpty(), java.time.Duration.ofSeconds(5));
    }
}

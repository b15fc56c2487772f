package io.mall.payment.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.ChargePayment;
import io.mall.payment.Fixtures;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Wallet payments through the PayPal adapter (Orders v2), against a stub answering as PayPal's API reference documents. */
@QuarkusTest
@TestProfile(PayPalStub.Profile.class)
class PayPalGatewayTest {

    @BeforeEach
    void accessToken() {
        PayPalStub.server.stubFor(post(urlPathEqualTo("/v1/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        (PayPalStub.CLIENT_ID + ":" + PayPalStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"scope\": \"https://uri.paypal.com/services/payments\", \"access_token\": \"A21AA-stub\","
                        + " \"token_type\": \"Bearer\", \"app_id\": \"APP-STUB\", \"expires_in\": 32400}")));
    }

    @Test
    void aWalletPaymentIsAnOrderTheShopperApprovesAtPayPalAndThenIsCaptured() {
        UUID order = UUID.randomUUID();
        String paypalOrder = "5O190127TN" + Math.abs(order.getMostSignificantBits() % 1_000_000);
        stubCreated(order, paypalOrder);
        charge(order, 1_234, "USD");

        JsonPath waiting = Fixtures.event(order, EventTypes.PAYMENT_ACTION_REQUIRED);
        assertThat(waiting.getString("data.approvalUrl")).isEqualTo("https://www.paypal.com/checkoutnow?token=" + paypalOrder);
        String paymentId = waiting.getString("data.paymentId");
        PayPalStub.server.verify(postRequestedFor(urlPathEqualTo("/v2/checkout/orders"))
                .withHeader("PayPal-Request-Id", equalTo(paymentId))
                .withHeader("Authorization", equalTo("Bearer A21AA-stub"))
                .withRequestBody(matchingJsonPath("$.intent", equalTo("CAPTURE")))
                .withRequestBody(matchingJsonPath("$.purchase_units[0].amount.value", equalTo("12.34")))
                .withRequestBody(matchingJsonPath("$.purchase_units[0].custom_id", equalTo(paymentId))));

        // the shopper approved: PayPal says so by webhook, and the order is read and captured
        PayPalStub.server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder))
                .willReturn(okJson(order(paypalOrder, "APPROVED", "USD", "12.34", null))));
        PayPalStub.server.stubFor(post(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder + "/capture"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(order(paypalOrder, "COMPLETED", "USD", "12.34", "3C679366HH908993F"))));
        verification("SUCCESS");
        webhook("WH-" + order, "CHECKOUT.ORDER.APPROVED", paypalOrder).then().statusCode(200)
                .body("processed", org.hamcrest.Matchers.equalTo(true));

        JsonPath captured = Fixtures.event(order, EventTypes.PAYMENT_CAPTURED);
        assertThat(captured.getLong("data.amountMinor")).isEqualTo(1_234);
        assertThat(captured.getString("data.currency")).isEqualTo("USD");
        PayPalStub.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder + "/capture"))
                .withHeader("PayPal-Request-Id", equalTo(paymentId + ":capture")));
        PayPalStub.server.verify(postRequestedFor(urlPathEqualTo("/v1/notifications/verify-webhook-signature"))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo(PayPalStub.WEBHOOK_ID)))
                .withRequestBody(matchingJsonPath("$.transmission_sig", equalTo("sig-stub"))));

        // a refund goes to the order's capture, with the refund's id as PayPal-Request-Id
        PayPalStub.server.stubFor(get(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder))
                .willReturn(okJson(order(paypalOrder, "COMPLETED", "USD", "12.34", "3C679366HH908993F"))));
        PayPalStub.server.stubFor(post(urlPathEqualTo("/v2/payments/captures/3C679366HH908993F/refund"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"1JU08902781691411\", \"status\": \"COMPLETED\"}")));
        String refund = given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("paymentId", paymentId, "amountMinor", 234, "currency", "USD", "reason", "partly returned"))
                .when().post("/api/v1/refunds").then().statusCode(201).extract().path("id");
        PayPalStub.server.verify(postRequestedFor(urlPathEqualTo("/v2/payments/captures/3C679366HH908993F/refund"))
                .withHeader("PayPal-Request-Id", equalTo(refund))
                .withRequestBody(equalToJson("{\"amount\": {\"currency_code\": \"USD\", \"value\": \"2.34\"}}", true, true)));
    }

    @Test
    void aWebhookPayPalDoesNotConfirmIsRefusedAndNothingIsRead() {
        UUID order = UUID.randomUUID();
        String paypalOrder = "8AB11223CD" + Math.abs(order.getLeastSignificantBits() % 1_000_000);
        stubCreated(order, paypalOrder);
        charge(order, 5_000, "USD");
        Fixtures.event(order, EventTypes.PAYMENT_ACTION_REQUIRED);
        verification("FAILURE");

        webhook("WH-forged-" + order, "CHECKOUT.ORDER.APPROVED", paypalOrder).then().statusCode(401)
                .contentType("application/problem+json");

        PayPalStub.server.verify(0, getRequestedFor(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder)));
        PayPalStub.server.verify(0, postRequestedFor(urlPathEqualTo("/v2/checkout/orders/" + paypalOrder + "/capture")));
    }

    private static void stubCreated(UUID order, String paypalOrder) {
        PayPalStub.server.stubFor(post(urlPathEqualTo("/v2/checkout/orders"))
                .withRequestBody(matchingJsonPath("$.purchase_units[0].reference_id", equalTo(order.toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "%s", "status": "PAYER_ACTION_REQUIRED",
                         "payment_source": {"paypal": {}},
                         "links": [{"href": "https://api-m.paypal.com/v2/checkout/orders/%s", "rel": "self", "method": "GET"},
                                   {"href": "https://www.paypal.com/checkoutnow?token=%s", "rel": "payer-action", "method": "GET"}]}
                        """.formatted(paypalOrder, paypalOrder, paypalOrder))));
    }

    private static void verification(String status) {
        PayPalStub.server.stubFor(post(urlPathEqualTo("/v1/notifications/verify-webhook-signature"))
                .willReturn(okJson("{\"verification_status\": \"" + status + "\"}")));
    }

    private static String order(String id, String status, String currency, String value, String capture) {
        String payments = capture == null ? "" : """
                , "payments": {"captures": [{"id": "%s", "status": "COMPLETED", "amount": {"currency_code": "%s", "value": "%s"}}]}"""
                .formatted(capture, currency, value);
        return """
                {"id": "%s", "status": "%s", "intent": "CAPTURE",
                 "purchase_units": [{"reference_id": "r", "amount": {"currency_code": "%s", "value": "%s"}%s}],
                 "links": []}""".formatted(id, status, currency, value, payments);
    }

    private static io.restassured.response.Response webhook(String eventId, String type, String paypalOrder) {
        String body = """
                {"id": "%s", "event_version": "1.0", "create_time": "2026-11-26T10:00:00Z", "resource_type": "checkout-order",
                 "event_type": "%s", "summary": "An order has been approved by buyer",
                 "resource": {"id": "%s", "status": "APPROVED"}}""".formatted(eventId, type, paypalOrder);
        return given().contentType(ContentType.JSON).body(body)
                .header("PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55")
                .header("PAYPAL-TRANSMISSION-TIME", "2026-11-26T10:00:01Z")
                .header("PAYPAL-TRANSMISSION-SIG", "sig-stub")
                .header("PAYPAL-CERT-URL", "https://api.paypal.com/v1/notifications/certs/CERT-360caa42")
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
                .when().post("/api/v1/payments/webhooks/paypal");
    }

    private static void charge(UUID order, long amountMinor, String currency) {
        Fixtures.charge(new ChargePayment(order, UUID.randomUUID(), amountMinor, currency, "EASY_PAY", null, null, false,
                "https://shop.example/orders/" + order, false));
    }
}

package io.mall.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.user.UserRegistered;
import io.mall.testing.SmtpSink;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.restassured.path.json.JsonPath;

/**
 * What a notification survives: the same event coming three times, a provider failing for a while
 * or for good, a device that is gone, a message that cannot be read, events read out of order.
 */
@io.quarkus.test.junit.QuarkusTest
class ReliabilityTest {

    private static final String STAFF = TestTokens.support(UUID.randomUUID().toString());

    @Test
    void theSameEventDeliveredThreeTimesSendsOneMessagePerChannel() {
        Shopper shopper = Shopper.korean();
        UUID eventId = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Events.send(eventId, Topics.USER_EVENTS, EventTypes.USER_REGISTERED, shopper.id(), new UserRegistered(shopper.id(), "ko"));
        }

        SmtpSink.await(shopper.email(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(shopper).getList("items").size() == 3);
        // later copies had their chance and sent nothing
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> SmtpSink.inbox(shopper.email()).size() == 1);
        JsonPath log = deliveriesOf(shopper);
        assertThat(log.getList("items.channel")).containsExactlyInAnyOrder("EMAIL", "PUSH", "IN_APP");
        assertThat(log.getList("items.eventId")).containsOnly(eventId.toString());
        assertThat(shopper.feed().getList("items")).hasSize(1);
    }

    @Test
    void aProviderThatFailsTwiceIsTriedAgainAndTheThirdAttemptSends() {
        Shopper shopper = Shopper.korean();
        shopper.choose(Map.of("quietHoursOff", true));
        String to = "To=" + URLEncoder.encode(shopper.e164(), StandardCharsets.UTF_8);
        String scenario = "twilio-" + shopper.id();
        var messages = urlPathEqualTo("/2010-04-01/Accounts/" + ProviderStubs.TWILIO_ACCOUNT + "/Messages.json");
        ProviderStubs.server.stubFor(post(messages).atPriority(1).withRequestBody(containing(to)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("busy")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"more_info\": \"https://www.twilio.com/docs/errors/20503\", \"status\": 503}")));
        ProviderStubs.server.stubFor(post(messages).atPriority(1).withRequestBody(containing(to)).inScenario(scenario)
                .whenScenarioStateIs("busy").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")));
        ProviderStubs.server.stubFor(post(messages).atPriority(1).withRequestBody(containing(to)).inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));

        UUID orderId = shippedOrder(shopper);

        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(sms(shopper).getString("status")));
        JsonPath sms = sms(shopper);
        assertThat(sms.getInt("attempts")).isEqualTo(3);
        assertThat(sms.getString("providerId")).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(sms.getString("recipient")).isEqualTo(shopper.e164());
        assertThat(ProviderStubs.textsTo(shopper.e164())).hasSize(3);
        assertThat(ProviderStubs.textsTo(shopper.e164()).get(2).getBodyAsString())
                .contains("Body=" + URLEncoder.encode("[Mall] 주문 " + orderId.toString().substring(0, 8).toUpperCase(), StandardCharsets.UTF_8));
    }

    @Test
    void aProviderThatAlwaysFailsIsDeadLetteredWithoutHoldingUpTheOtherChannels() {
        Shopper shopper = Shopper.korean();
        shopper.choose(Map.of("quietHoursOff", true));
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + ProviderStubs.TWILIO_ACCOUNT + "/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(shopper.e164(), StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"more_info\": \"https://www.twilio.com/docs/errors/20500\", \"status\": 500}")));

        shippedOrder(shopper);

        // the mail went out while the text message was still being tried
        SmtpSink.about(shopper.email(), "상품이 발송되었습니다");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(sms(shopper).getString("status")));
        JsonPath sms = sms(shopper);
        assertThat(sms.getInt("attempts")).isEqualTo(4);
        assertThat(sms.getString("lastError")).contains("20500");
        List<String> dead = TestKafka.read(Topics.NOTIFICATION_DEAD_LETTER, sms.getString("id"), values -> !values.isEmpty(), Duration.ofSeconds(15));
        JsonPath letter = new JsonPath(dead.get(0));
        assertThat(letter.getString("type")).isEqualTo(EventTypes.NOTIFICATION_DEAD_LETTERED);
        assertThat(letter.getString("data.channel")).isEqualTo("SMS");
        assertThat(letter.getString("data.trigger")).isEqualTo("SHIPPED");
        assertThat(letter.getInt("data.attempts")).isEqualTo(4);
        assertThat(dead.get(0)).doesNotContain(shopper.e164());

        // an admin sends it again once the provider is fixed
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + ProviderStubs.TWILIO_ACCOUNT + "/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(shopper.e164(), StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMfixed\", \"status\": \"queued\"}")));
        given().auth().oauth2(STAFF).when().post("/api/v1/notifications/deliveries/" + sms.getString("id") + "/retry").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).when()
                .post("/api/v1/notifications/deliveries/" + sms.getString("id") + "/retry").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(sms(shopper).getString("status")));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).when()
                .post("/api/v1/notifications/deliveries/" + sms.getString("id") + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aPushIsSentWithTheServiceAccountsTokenAndADeviceFcmNoLongerKnowsIsForgotten() {
        Shopper shopper = Shopper.english();
        shopper.choose(Map.of("quietHoursOff", true));
        String gone = "gone-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        shopper.registersDevice(gone);
        shopper.registersDevice(alive);
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/v1/projects/" + ProviderStubs.FCM_PROJECT + "/messages:send")).atPriority(1)
                .withRequestBody(containing(gone))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                          "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""")));

        shippedOrder(shopper);

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(delivery(shopper, "PUSH").getString("status")));
        // the order's receipt and the parcel's news each reached the device that still has the app
        assertThat(ProviderStubs.pushesTo(gone)).hasSizeBetween(1, 2);
        assertThat(ProviderStubs.pushesTo(alive)).hasSize(2);
        assertThat(delivery(shopper, "PUSH").getString("recipient")).isEqualTo("1 device");
        assertThat(ProviderStubs.pushesTo(alive)).anySatisfy(push -> assertThat(push.getBodyAsString()).contains("Your order is on its way"));
        // the gone device was forgotten: registering it again makes it new
        given().auth().oauth2(shopper.token()).contentType("application/json").body(Map.of("token", gone, "platform", "IOS"))
                .when().post("/api/v1/notifications/devices").then().statusCode(201);
        given().auth().oauth2(shopper.token()).contentType("application/json").body(Map.of("token", alive, "platform", "ANDROID"))
                .when().post("/api/v1/notifications/devices").then().statusCode(200);
        // the token came from Google's endpoint with the jwt-bearer grant: a JWT the service account signed
        String form = ProviderStubs.server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0).getBodyAsString();
        String assertion = java.net.URLDecoder.decode(form.replaceAll(".*assertion=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("iss")).isEqualTo("mall-push@mall-test.iam.gserviceaccount.com");
        assertThat(claims.getString("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.getString("aud")).isEqualTo("https://oauth2.googleapis.com/token");
    }

    @Test
    void aMessageThatCannotBeReadIsDeadLetteredAndTheNextOneIsTold() {
        Shopper shopper = Shopper.english();
        UUID orderId = UUID.randomUUID();
        TestKafka.send(Topics.ORDER_EVENTS, orderId.toString(), "{\"id\": \"not a uuid\", \"type\": \"order.placed\"}");
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId, new io.mall.contracts.order.OrderUpdated(orderId, null, "RECEIVED", 1000,
                "KRW", null, List.of()));

        assertThat(TestKafka.deadLetters(Topics.ORDER_EVENTS, orderId.toString(), "order-events", 2, Duration.ofSeconds(20))).hasSize(2);
        shopper.placesOrder(9_900, "Socks", 1);
        SmtpSink.about(shopper.email(), "We have your order");
    }

    @Test
    void aPaymentReadBeforeItsOrderWaitsForTheOrderAndIsTold() {
        Shopper shopper = Shopper.english();
        UUID orderId = UUID.randomUUID();
        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId, new PaymentCaptured(UUID.randomUUID(), orderId, 12_000, "KRW", "CARD"));
        sleep(500);
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId, new io.mall.contracts.order.OrderUpdated(orderId, shopper.id(), "RECEIVED",
                12_000, "KRW", null, List.of(new io.mall.contracts.order.OrderUpdated.Line("S", "p", "Mug", 1))));

        assertThat(SmtpSink.about(shopper.email(), "Payment received").text()).contains("₩12,000");
        SmtpSink.about(shopper.email(), "We have your order");
    }

    @Test
    void aPaymentReadLongBeforeItsOrderWaitsBesideItsTopicAndIsToldWhenTheOrderComes() {
        Shopper shopper = Shopper.english();
        UUID orderId = UUID.randomUUID();
        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId, new PaymentCaptured(UUID.randomUUID(), orderId, 8_000, "KRW", "CARD"));

        // longer than the consumer's retries would hold the topic (here four attempts from 0.2 s): it
        // waits without them, so it is not given up on and dead-lettered
        assertThat(TestKafka.deadLetters(Topics.PAYMENT_EVENTS, orderId.toString(), "payment-events", 1, Duration.ofSeconds(6))).isEmpty();
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId, new io.mall.contracts.order.OrderUpdated(orderId, shopper.id(), "RECEIVED",
                8_000, "KRW", null, List.of(new io.mall.contracts.order.OrderUpdated.Line("S", "p", "Tea", 1))));

        assertThat(SmtpSink.about(shopper.email(), "Payment received").text()).contains("₩8,000");
        assertThat(deliveriesOf(shopper).getList("items.trigger")).contains("PAYMENT_CAPTURED", "ORDER_RECEIVED");
    }

    @Test
    void aPaymentDeliveredTwiceBeforeItsOrderIsToldOnceWhenTheOrderComes() {
        Shopper shopper = Shopper.english();
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        PaymentCaptured captured = new PaymentCaptured(UUID.randomUUID(), orderId, 9_000, "KRW", "CARD");
        Events.send(eventId, Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId, captured);
        Events.send(eventId, Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId, captured);

        assertThat(TestKafka.deadLetters(Topics.PAYMENT_EVENTS, orderId.toString(), "payment-events", 1, Duration.ofSeconds(3))).isEmpty();
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId, new io.mall.contracts.order.OrderUpdated(orderId, shopper.id(), "RECEIVED",
                9_000, "KRW", null, List.of(new io.mall.contracts.order.OrderUpdated.Line("S", "p", "Tea", 1))));

        SmtpSink.about(shopper.email(), "Payment received");
        // the sweep (every second here) had its chances too, and told nothing more
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> SmtpSink.inbox(shopper.email()).stream()
                .filter(mail -> mail.subject().startsWith("Payment received")).count() == 1);
        assertThat(deliveriesOf(shopper).getList("items.findAll { it.eventId == '" + eventId + "' }.channel", String.class))
                .contains("EMAIL").doesNotHaveDuplicates();
    }

    @Test
    void anEventFromLastWeekIsNotToldWhenItIsReadToday() {
        Shopper shopper = Shopper.english();
        UUID orderId = UUID.randomUUID();
        TestKafka.send(Topics.ORDER_EVENTS, orderId.toString(), envelope(EventTypes.ORDER_PLACED, orderId, Instant.now().minus(Duration.ofDays(7)),
                new io.mall.contracts.order.OrderUpdated(orderId, shopper.id(), "RECEIVED", 5_000, "KRW", null, List.of())));
        shopper.placesOrder(7_000, "Scarf", 1);

        SmtpSink.about(shopper.email(), "We have your order");
        // read in order on the same topic: the old one was read, and not told
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> SmtpSink.inbox(shopper.email()).size() == 1);
        assertThat(deliveriesOf(shopper).getList("items.trigger")).containsOnly("ORDER_RECEIVED").hasSize(3);
    }

    private static String envelope(String type, UUID subject, Instant time, Object data) {
        try {
            return Events.JSON.writeValueAsString(new io.mall.contracts.EventEnvelope<>(UUID.randomUUID(), type, "order", time,
                    subject.toString(), null, data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID shippedOrder(Shopper shopper) {
        UUID orderId = shopper.placesOrder(20_000, "무선 이어폰", 1);
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_CREATED, orderId,
                new ShipmentCreated(UUID.randomUUID(), orderId, "simulated", "SIM000000000042", LocalDate.now().plusDays(2)));
        return orderId;
    }

    static JsonPath deliveriesOf(Shopper shopper) {
        return given().auth().oauth2(STAFF).queryParam("userId", shopper.id()).when().get("/api/v1/notifications/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath sms(Shopper shopper) {
        return delivery(shopper, "SMS");
    }

    private static JsonPath delivery(Shopper shopper, String channel) {
        JsonPath log = deliveriesOf(shopper);
        List<Map<String, Object>> items = log.getList("items");
        for (Map<String, Object> item : items) {
            if (channel.equals(item.get("channel")) && "SHIPPED".equals(item.get("trigger"))) {
                return new JsonPath(Events.JSON.valueToTree(item).toString());
            }
        }
        return new JsonPath("{}");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

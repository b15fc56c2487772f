package io.mall.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.notification.client.DeviceTokenInvalid;
import io.mall.notification.client.Email;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderUnavailable;
import io.mall.notification.client.PushMessage;
import io.mall.notification.client.Sent;
import io.mall.notification.client.TextMessage;
import io.mall.notification.client.fcm.FcmPush;
import io.mall.notification.client.sendgrid.SendGridEmail;
import io.mall.notification.client.twilio.TwilioSms;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SendGrid, Twilio and FCM adapters against stubs that answer as the providers document: what
 * they send, and how each answer is read (sent, refused for good, to be tried again and when, a
 * device that is gone).
 */
@QuarkusTest
class ProviderAdaptersTest {

    private static final String SENDGRID = "/v3/mail/send";
    private static final String TWILIO = "/2010-04-01/Accounts/" + ProviderStubs.TWILIO_ACCOUNT + "/Messages.json";

    @Inject
    SendGridEmail sendGrid;

    @Inject
    TwilioSms twilio;

    @Inject
    FcmPush fcm;

    @Test
    void sendGridTakesBothBodiesTextFirstAndAnswersItsMessageIdInAHeader() {
        String to = "sg-" + UUID.randomUUID() + "@mall.test";
        ProviderStubs.server.stubFor(post(urlPathEqualTo(SENDGRID)).withHeader("Authorization", equalTo("Bearer SG.test-key"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(to)))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0")));

        Sent sent = sendGrid.send(new Email(UUID.randomUUID(), to, "김민지", "제목", "본문", "<p>본문</p>")).await().atMost(Duration.ofSeconds(5));

        assertThat(sent).isEqualTo(new Sent("sendgrid", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"));
        ProviderStubs.server.verify(postRequestedFor(urlPathEqualTo(SENDGRID))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(to)))
                .withRequestBody(matchingJsonPath("$.content[0].type", equalTo("text/plain")))
                .withRequestBody(matchingJsonPath("$.content[1].type", equalTo("text/html")))
                .withRequestBody(matchingJsonPath("$.from.email", equalTo("no-reply@mall.local"))));
    }

    @Test
    void sendGridRefusesAMalformedAddressForGoodAndIsWaitedForUntilItsRateLimitResets() {
        String bad = "bad-" + UUID.randomUUID() + "@mall.test";
        ProviderStubs.server.stubFor(post(urlPathEqualTo(SENDGRID)).withRequestBody(containing(bad))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"message": "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
                          "field": "personalizations.0.to", "help": "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"}]}""")));
        String limited = "limited-" + UUID.randomUUID() + "@mall.test";
        long reset = Instant.now().plusSeconds(90).getEpochSecond();
        ProviderStubs.server.stubFor(post(urlPathEqualTo(SENDGRID)).withRequestBody(containing(limited))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "600").withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"errors\": [{\"field\": null, \"message\": \"too many requests\"}]}")));

        Throwable refused = catchThrowable(() -> sendGrid.send(new Email(UUID.randomUUID(), bad, null, "s", "t", "h")).await().atMost(Duration.ofSeconds(5)));
        Throwable waiting = catchThrowable(() -> sendGrid.send(new Email(UUID.randomUUID(), limited, null, "s", "t", "h")).await().atMost(Duration.ofSeconds(5)));

        assertThat(refused).isInstanceOf(ProviderRefused.class).hasMessageContaining("personalizations.0.to");
        assertThat(waiting).isInstanceOf(ProviderUnavailable.class).hasMessageContaining("429").hasMessageContaining("too many requests");
        assertThat(((ProviderUnavailable) waiting).retryAfter()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(91));
    }

    @Test
    void twilioIsAskedByFormWithBasicAuthAndItsRefusalsAreReadByCode() {
        ProviderStubs.server.stubFor(post(urlPathEqualTo(TWILIO)).atPriority(1).withRequestBody(containing("To=%2B15005550001"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 21211, "message": "The 'To' number +15005550001 is not a valid phone number.",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""")));
        ProviderStubs.server.stubFor(post(urlPathEqualTo(TWILIO)).atPriority(1).withRequestBody(containing("To=%2B15005550009"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}""")));

        Sent sent = twilio.send(new TextMessage(UUID.randomUUID(), "+821012345678", "[Mall] 안녕하세요 & 반갑습니다")).await().atMost(Duration.ofSeconds(5));
        Throwable invalid = catchThrowable(() -> twilio.send(new TextMessage(UUID.randomUUID(), "+15005550001", "x")).await().atMost(Duration.ofSeconds(5)));
        Throwable credentials = catchThrowable(() -> twilio.send(new TextMessage(UUID.randomUUID(), "+15005550009", "x")).await().atMost(Duration.ofSeconds(5)));

        assertThat(sent.provider()).isEqualTo("twilio");
        assertThat(sent.providerId()).startsWith("SM");
        ProviderStubs.server.verify(postRequestedFor(urlPathEqualTo(TWILIO)).withRequestBody(containing("To=%2B821012345678"))
                .withRequestBody(containing("From=%2B15005550006"))
                .withRequestBody(containing("Body=%5BMall%5D+%EC%95%88%EB%85%95%ED%95%98%EC%84%B8%EC%9A%94+%26+"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                        (ProviderStubs.TWILIO_ACCOUNT + ":test-auth-token").getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(invalid).isInstanceOf(ProviderRefused.class).hasMessageContaining("21211");
        assertThat(credentials).isInstanceOf(ProviderUnavailable.class).hasMessageContaining("20003");
    }

    @Test
    void fcmIsAskedForOneDeviceAndTellsAGoneDeviceFromABadPayloadAndABusyServer() {
        String bad = "bad-payload-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        String busy = "busy-" + UUID.randomUUID();
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/v1/projects/" + ProviderStubs.FCM_PROJECT + "/messages:send")).atPriority(1)
                .withRequestBody(containing(bad)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 400, "message": "Invalid value at 'message.data[0].value'", "status": "INVALID_ARGUMENT",
                          "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                                       "fieldViolations": [{"field": "message.data[0].value", "description": "Invalid value"}]}]}}""")));
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/v1/projects/" + ProviderStubs.FCM_PROJECT + "/messages:send")).atPriority(1)
                .withRequestBody(containing(invalid)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 400, "message": "The registration token is not a valid FCM registration token", "status": "INVALID_ARGUMENT",
                          "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "INVALID_ARGUMENT"}]}}""")));
        ProviderStubs.server.stubFor(post(urlPathEqualTo("/v1/projects/" + ProviderStubs.FCM_PROJECT + "/messages:send")).atPriority(1)
                .withRequestBody(containing(busy)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 503, "message": "The server is overloaded.", "status": "UNAVAILABLE",
                          "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNAVAILABLE"}]}}""")));
        String device = "ok-" + UUID.randomUUID();

        Sent sent = fcm.send(new PushMessage(UUID.randomUUID(), device, "제목", "본문", "https://mall.local/orders/1")).await().atMost(Duration.ofSeconds(10));
        Throwable payload = catchThrowable(() -> fcm.send(new PushMessage(UUID.randomUUID(), bad, "t", "b", null)).await().atMost(Duration.ofSeconds(5)));
        Throwable gone = catchThrowable(() -> fcm.send(new PushMessage(UUID.randomUUID(), invalid, "t", "b", null)).await().atMost(Duration.ofSeconds(5)));
        Throwable overloaded = catchThrowable(() -> fcm.send(new PushMessage(UUID.randomUUID(), busy, "t", "b", null)).await().atMost(Duration.ofSeconds(5)));

        assertThat(sent.providerId()).startsWith("projects/" + ProviderStubs.FCM_PROJECT + "/messages/0:");
        ProviderStubs.server.verify(postRequestedFor(urlPathEqualTo("/v1/projects/" + ProviderStubs.FCM_PROJECT + "/messages:send"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderStubs.FCM_ACCESS_TOKEN))
                .withRequestBody(equalToJson("{\"message\": {\"token\": \"" + device + "\", \"notification\": {\"title\": \"제목\", \"body\": \"본문\"},"
                        + " \"data\": {\"link\": \"https://mall.local/orders/1\"}}}", true, true)));
        assertThat(payload).isInstanceOf(ProviderRefused.class).isNotInstanceOf(DeviceTokenInvalid.class);
        assertThat(gone).isInstanceOf(DeviceTokenInvalid.class);
        assertThat(overloaded).isInstanceOf(ProviderUnavailable.class);
        assertThat(((ProviderUnavailable) overloaded).retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }
}

package io.mall.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The services and providers the notification service calls over HTTP, played by WireMock as they
 * answer: the user service's contacts (only to a caller with a bearer token), Twilio's Messages API,
 * FCM HTTP v1 and Google's token endpoint. Text messages go to Twilio and pushes to FCM here, so the
 * flows exercise the real adapters; email goes to the real SMTP sink.
 */
public class ProviderStubs implements QuarkusTestResourceLifecycleManager {

    static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000001";
    static final String FCM_ACCESS_TOKEN = "ya29.test-access-token";
    static final String FCM_PROJECT = "mall-test";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        server.stubFor(get(urlPathMatching("/internal/users/.*")).atPriority(10).willReturn(aResponse().withStatus(404)));
        // by default Twilio and FCM take everything, as their documentation shows
        server.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json")).atPriority(10)
                .withHeader("Authorization", matching("Basic .+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"))
                .withRequestBody(containing("assertion="))
                .willReturn(okJson("{\"access_token\": \"" + FCM_ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/projects/" + FCM_PROJECT + "/messages:send")).atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + FCM_ACCESS_TOKEN))
                .willReturn(okJson("{\"name\": \"projects/" + FCM_PROJECT + "/messages/0:{{randomValue length=16 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.user.url", server.baseUrl());
        config.put("quarkus.rest-client.sendgrid.url", server.baseUrl());
        config.put("quarkus.rest-client.twilio.url", server.baseUrl());
        config.put("quarkus.rest-client.fcm.url", server.baseUrl());
        config.put("mall.notification.sms.provider", "twilio");
        config.put("mall.notification.sms.from", "+15005550006");
        config.put("mall.notification.twilio.account-sid", TWILIO_ACCOUNT);
        config.put("mall.notification.twilio.secret", "test-auth-token");
        config.put("mall.notification.sendgrid.api-key", "SG.test-key");
        config.put("mall.notification.push.provider", "fcm");
        config.put("mall.notification.push.fcm-project", FCM_PROJECT);
        config.put("quarkus.oidc-client.fcm.client-enabled", "true");
        config.put("quarkus.oidc-client.fcm.auth-server-url", server.baseUrl());
        config.put("quarkus.oidc-client.fcm.client-id", "mall-push@mall-test.iam.gserviceaccount.com");
        config.put("quarkus.oidc-client.fcm.credentials.jwt.key", serviceAccountKey());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The user service knows this user and answers their contact to a caller with a token. */
    static void knows(UUID userId, String email, String name, String phone, String locale) {
        String body = "{\"id\": \"%s\", \"email\": %s, \"displayName\": %s, \"phone\": %s, \"locale\": \"%s\"}".formatted(userId,
                quoted(email), quoted(name), quoted(phone), locale);
        server.stubFor(get(urlPathEqualTo("/internal/users/" + userId)).atPriority(1).withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(body)));
    }

    /** The text messages Twilio was asked to send to {@code phone}. */
    static List<LoggedRequest> textsTo(String phone) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json"))
                .withRequestBody(containing("To=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The pushes FCM was asked to send to the device. */
    static List<LoggedRequest> pushesTo(String deviceToken) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/projects/" + FCM_PROJECT + "/messages:send"))
                .withRequestBody(containing("\"token\":\"" + deviceToken + "\"")));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** A service account's private key, made for the run (PKCS#8 PEM, as Google's JSON key file holds it). */
    private static String serviceAccountKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

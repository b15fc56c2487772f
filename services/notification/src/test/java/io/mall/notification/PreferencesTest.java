package io.mall.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.testing.SmtpSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What each user chose decides where each message goes, and when a phone is left alone. */
@QuarkusTest
class PreferencesTest {

    @Test
    void aNewUserHasTheLawfulDefaults() {
        JsonPath preferences = preferences(Shopper.korean());

        assertThat(preferences.getList("channels.MARKETING")).isEmpty();
        assertThat(preferences.getList("channels.ORDERS")).containsExactlyInAnyOrder("EMAIL", "PUSH", "IN_APP");
        assertThat(preferences.getList("channels.SHIPPING")).containsExactlyInAnyOrder("EMAIL", "SMS", "PUSH", "IN_APP");
        assertThat(preferences.getString("quietHours.start")).isEqualTo("21:00:00");
        assertThat(preferences.getString("quietHours.end")).isEqualTo("08:00:00");
        assertThat(preferences.getString("timeZone")).isEqualTo("Asia/Seoul");
        assertThat(preferences.getString("marketingConsentAt")).isNull();
    }

    @Test
    void eachCategoryGoesOutOnlyOnTheChannelsTheUserChose() {
        Shopper shopper = Shopper.korean();
        shopper.registersDevice("device-" + shopper.id());
        shopper.choose(Map.of("channels", Map.of("ORDERS", List.of("PUSH"), "SHIPPING", List.of("SMS", "IN_APP")), "quietHoursOff", true));

        var orderId = shopper.placesOrder(10_000, "양말", 1);
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(java.util.UUID.randomUUID(), orderId, "OUT_FOR_DELIVERY", "서울", null, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> ReliabilityTest.deliveriesOf(shopper).getList("items").size() == 3);
        JsonPath log = ReliabilityTest.deliveriesOf(shopper);
        assertThat(channels(log, "ORDER_RECEIVED")).containsExactly("PUSH");
        assertThat(channels(log, "OUT_FOR_DELIVERY")).containsExactlyInAnyOrder("SMS", "IN_APP");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProviderStubs.textsTo(shopper.e164()).size() == 1
                && ProviderStubs.pushesTo("device-" + shopper.id()).size() == 1);
        assertThat(SmtpSink.inbox(shopper.email())).isEmpty();
        assertThat(shopper.feed().getList("items.trigger")).containsExactly("OUT_FOR_DELIVERY");
    }

    @Test
    void textsAndPushesWaitOutQuietHoursWhileEmailAndTheFeedDoNot() {
        Shopper shopper = Shopper.korean();
        shopper.registersDevice("device-" + shopper.id());
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Seoul"));
        shopper.choose(Map.of("quietHours", Map.of("start", now.minusHours(1).withNano(0).toString(), "end", now.plusHours(1).withNano(0).toString())));

        var orderId = shopper.placesOrder(10_000, "양말", 1);
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(java.util.UUID.randomUUID(), orderId, "OUT_FOR_DELIVERY", "서울", null, Instant.now()));

        SmtpSink.about(shopper.email(), "오늘 도착합니다");
        await().atMost(Duration.ofSeconds(10)).until(() -> shopper.feed().getList("items").size() == 2);
        JsonPath log = ReliabilityTest.deliveriesOf(shopper);
        List<Map<String, Object>> waiting = log.getList("items.findAll { it.channel == 'SMS' || it.channel == 'PUSH' }");
        assertThat(waiting).hasSize(3).allSatisfy(delivery -> {
            assertThat(delivery.get("status")).isEqualTo("PENDING");
            assertThat(Instant.parse((String) delivery.get("nextAttemptAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
        });
        assertThat(ProviderStubs.textsTo(shopper.e164())).isEmpty();
    }

    @Test
    void optingInToMarketingIsDatedAndOptingOutForgetsTheDate() {
        Shopper shopper = Shopper.english();
        shopper.choose(Map.of("channels", Map.of("MARKETING", List.of("EMAIL"))));
        String consent = preferences(shopper).getString("marketingConsentAt");
        assertThat(Instant.parse(consent)).isBefore(Instant.now().plusSeconds(1));

        shopper.choose(Map.of("channels", Map.of("MARKETING", List.of("EMAIL", "PUSH"))));
        assertThat(preferences(shopper).getString("marketingConsentAt")).isEqualTo(consent);

        shopper.choose(Map.of("channels", Map.of("MARKETING", List.of())));
        assertThat(preferences(shopper).getString("marketingConsentAt")).isNull();
        assertThat(preferences(shopper).getList("channels.ORDERS")).containsExactlyInAnyOrder("EMAIL", "PUSH", "IN_APP");
    }

    @Test
    void parallelChangesOfDifferentCategoriesAreAllKept() throws Exception {
        Shopper shopper = Shopper.korean();
        List<Map<String, Object>> changes = List.of(
                Map.of("channels", Map.of("ORDERS", List.of("EMAIL"))),
                Map.of("channels", Map.of("SHIPPING", List.of("PUSH"))),
                Map.of("channels", Map.of("ACCOUNT_SECURITY", List.of("SMS", "EMAIL"))),
                Map.of("channels", Map.of("MARKETING", List.of("IN_APP"))),
                Map.of("timeZone", "Europe/Berlin", "quietHours", Map.of("start", "22:00", "end", "07:30")));
        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (Map<String, Object> change : changes) {
                answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body(change)
                        .when().put("/api/v1/notifications/preferences").then().extract().statusCode(), pool));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonPath preferences = preferences(shopper);
        assertThat(preferences.getList("channels.ORDERS")).containsExactly("EMAIL");
        assertThat(preferences.getList("channels.SHIPPING")).containsExactly("PUSH");
        assertThat(preferences.getList("channels.ACCOUNT_SECURITY")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(preferences.getList("channels.MARKETING")).containsExactly("IN_APP");
        assertThat(preferences.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(preferences.getString("quietHours.end")).isEqualTo("07:30:00");
    }

    private static JsonPath preferences(Shopper shopper) {
        return given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications/preferences").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> channels(JsonPath log, String trigger) {
        return log.getList("items.findAll { it.trigger == '" + trigger + "' }.channel");
    }
}

package io.mall.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.UserErased;
import io.mall.contracts.user.UserRegistered;
import io.mall.testing.SmtpSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An erased user's preferences, devices and feed go; the delivery log keeps what was sent, without addresses. */
@QuarkusTest
class ErasureTest {

    @Test
    void anErasedUserIsForgottenButTheLogOfWhatWasSentStays() {
        Shopper shopper = Shopper.korean();
        String device = "device-" + shopper.id();
        shopper.registersDevice(device);
        shopper.choose(Map.of("channels", Map.of("MARKETING", List.of("EMAIL")), "quietHoursOff", true));
        Events.send(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, shopper.id(), new UserRegistered(shopper.id(), "ko"));
        SmtpSink.await(shopper.email(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ReliabilityTest.deliveriesOf(shopper).getList("items.findAll { it.status == 'SENT' }").size() == 3);

        Events.send(Topics.USER_EVENTS, EventTypes.USER_ERASED, shopper.id(), new UserErased(shopper.id()));

        await().atMost(Duration.ofSeconds(10)).until(() -> shopper.feed().getList("items").isEmpty());
        JsonPath preferences = given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications/preferences").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preferences.getList("channels.MARKETING")).isEmpty();
        assertThat(preferences.getString("marketingConsentAt")).isNull();
        given().auth().oauth2(shopper.token()).when().delete("/api/v1/notifications/devices/" + device).then().statusCode(404);
        JsonPath log = ReliabilityTest.deliveriesOf(shopper);
        assertThat(log.getList("items")).hasSize(3);
        assertThat(log.getList("items.status")).containsOnly("SENT");
        assertThat(log.getList("items.recipient")).containsOnlyNulls();
        assertThat(log.getString("items")).doesNotContain(shopper.email());

        // what comes after the erasure finds no one to write to
        ProviderStubs.server.removeStubMapping(ProviderStubs.server.getStubMappings().stream()
                .filter(stub -> stub.getRequest().getUrlPath() != null && stub.getRequest().getUrlPath().endsWith(shopper.id().toString()))
                .findFirst().orElseThrow());
        UUID orderId = UUID.randomUUID();
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId, new io.mall.contracts.order.OrderUpdated(orderId, shopper.id(),
                "RECEIVED", 1_000, "KRW", null, List.of()));
        // (the push waits for the morning when this runs at night in Seoul: the defaults' quiet hours are back)
        await().atMost(Duration.ofSeconds(10)).until(() -> ReliabilityTest.deliveriesOf(shopper)
                .getList("items.findAll { it.trigger == 'ORDER_RECEIVED' && it.status == 'SKIPPED' }.channel").containsAll(List.of("EMAIL", "IN_APP")));
        assertThat(ReliabilityTest.deliveriesOf(shopper).getList("items.findAll { it.trigger == 'ORDER_RECEIVED' }.status", String.class))
                .hasSize(3).doesNotContain("SENT");
        assertThat(SmtpSink.inbox(shopper.email())).hasSize(1);
    }
}

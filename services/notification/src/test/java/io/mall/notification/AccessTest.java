package io.mall.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.UserRegistered;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may read and change what: the feed, preferences and devices are the caller's own; the delivery log is staff's. */
@QuarkusTest
class AccessTest {

    @Test
    void withoutATokenNothingIsAnsweredButAProblem() {
        given().when().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/notifications/preferences").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).when().put("/api/v1/notifications/preferences").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("token", "t", "platform", "IOS")).when().post("/api/v1/notifications/devices")
                .then().statusCode(401);
        given().when().get("/api/v1/notifications/deliveries").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID().toString(), "CUSTOMER")).when().get("/api/v1/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByStranger(UUID.randomUUID().toString(), "CUSTOMER")).when().get("/api/v1/notifications")
                .then().statusCode(401);
    }

    @Test
    void aShopperReadsAndMarksOnlyTheirOwnFeed() {
        Shopper owner = Shopper.korean();
        Shopper other = Shopper.korean();
        Events.send(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, owner.id(), new UserRegistered(owner.id(), "ko"));
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.feed().getList("items").size() == 1);
        String entry = owner.feed().getString("items[0].id");
        assertThat(owner.feed().getInt("unread")).isEqualTo(1);
        assertThat(owner.feed().getString("items[0].title")).isEqualTo("Mall에 오신 것을 환영합니다");
        assertThat(other.feed().getList("items")).isEmpty();

        given().auth().oauth2(other.token()).when().post("/api/v1/notifications/" + entry + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(owner.feed().getInt("unread")).isEqualTo(1);
        given().auth().oauth2(owner.token()).when().post("/api/v1/notifications/" + entry + "/read").then().statusCode(204);
        given().auth().oauth2(owner.token()).when().post("/api/v1/notifications/" + entry + "/read").then().statusCode(204);
        assertThat(owner.feed().getInt("unread")).isZero();
        assertThat(owner.feed().getString("items[0].readAt")).isNotNull();
        given().auth().oauth2(owner.token()).when().post("/api/v1/notifications/read").then().statusCode(200).body("marked", equalTo(0));
    }

    @Test
    void theDeliveryLogIsForSupportAndAdminsOnly() {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).when().get("/api/v1/notifications/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/notifications/deliveries")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).when().get("/api/v1/notifications/deliveries?status=DEAD")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).when()
                .post("/api/v1/notifications/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).when()
                .post("/api/v1/notifications/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDeviceIsRemovedOnlyByItsOwner() {
        Shopper owner = Shopper.english();
        Shopper other = Shopper.english();
        String token = "device-" + UUID.randomUUID();
        owner.registersDevice(token);

        given().auth().oauth2(other.token()).when().delete("/api/v1/notifications/devices/" + token).then().statusCode(404);
        given().auth().oauth2(owner.token()).when().delete("/api/v1/notifications/devices/" + token).then().statusCode(204);
        given().auth().oauth2(owner.token()).when().delete("/api/v1/notifications/devices/" + token).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingItAndChangesNothing() {
        Shopper shopper = Shopper.korean();
        String before = given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications/preferences").then().statusCode(200)
                .extract().asString();

        refused(shopper, Map.of("channels", Map.of("ORDERS", List.of("IN_APP"))), 422, "channels.ORDERS");
        refused(shopper, Map.of("channels", Map.of("ACCOUNT_SECURITY", List.of())), 422, "channels.ACCOUNT_SECURITY");
        refused(shopper, Map.of("channels", Map.of("ORDERS", List.of("PIGEON"))), 400, "channels");
        refused(shopper, Map.of("channels", Map.of("GOSSIP", List.of("EMAIL"))), 400, "channels");
        refused(shopper, Map.of("timeZone", "Mars/Olympus"), 422, "timeZone");
        refused(shopper, Map.of("quietHours", Map.of("start", "22:00", "end", "22:00")), 422, "quietHours.end");
        refused(shopper, Map.of("quietHours", Map.of("start", "25:00", "end", "07:00")), 400, "quietHours");
        refused(shopper, Map.of("quietHours", Map.of("start", "22:00")), 422, "quietHours.end");
        refused(shopper, Map.of("quietHours", Map.of("start", "22:00", "end", "07:00"), "quietHoursOff", true), 422, "quietHoursOff");
        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body("{\"channels\": ").when()
                .put("/api/v1/notifications/preferences").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body(equalTo(before));

        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body(Map.of("token", " ", "platform", "IOS"))
                .when().post("/api/v1/notifications/devices").then().statusCode(422).contentType("application/problem+json")
                .body(containsString("token"));
        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body(Map.of("token", "x".repeat(4097), "platform", "IOS"))
                .when().post("/api/v1/notifications/devices").then().statusCode(422).body(containsString("token"));
        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body(Map.of("token", "abc", "platform", "PAGER"))
                .when().post("/api/v1/notifications/devices").then().statusCode(422).body(containsString("platform"));
        given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications?size=0").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("size"));
        given().auth().oauth2(shopper.token()).when().get("/api/v1/notifications?page=-1").then().statusCode(400);
        given().auth().oauth2(shopper.token()).when().post("/api/v1/notifications/not-a-uuid/read").then().statusCode(404);
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/notifications/deliveries?status=LOST")
                .then().statusCode(404);
    }

    private static void refused(Shopper shopper, Map<String, Object> body, int status, String field) {
        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body(body).when().put("/api/v1/notifications/preferences")
                .then().statusCode(status).contentType("application/problem+json").body(containsString(field));
    }
}

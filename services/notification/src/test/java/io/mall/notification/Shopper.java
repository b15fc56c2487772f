package io.mall.notification;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.order.OrderUpdated;
import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A user the user service knows (an address of the run's own at the SMTP sink, a phone), with a token. */
record Shopper(UUID id, String email, String phone, String token) {

    static Shopper korean() {
        return create("김민지", "ko", "010-" + digits(4) + "-" + digits(4));
    }

    static Shopper english() {
        return create("Alex Kim", "en", "+1415" + digits(7));
    }

    static Shopper withoutPhone() {
        return create("Jun", "ko", null);
    }

    private static Shopper create(String name, String locale, String phone) {
        UUID id = UUID.randomUUID();
        String email = "shopper-" + id + "@mall.test";
        ProviderStubs.knows(id, email, name, phone, locale);
        return new Shopper(id, email, phone, TestTokens.customer(id.toString()));
    }

    /** The number as Twilio is asked to text it (E.164). */
    String e164() {
        return phone.startsWith("+") ? phone : "+82" + phone.substring(1).replace("-", "");
    }

    /** Places an order (as the order service announces it) and answers its id. */
    UUID placesOrder(long total, String firstItem, int lines) {
        UUID orderId = UUID.randomUUID();
        List<OrderUpdated.Line> items = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            items.add(new OrderUpdated.Line("SKU-" + i, "p-" + i, i == 0 ? firstItem : "Item " + i, 1));
        }
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, orderId,
                new OrderUpdated(orderId, id, "RECEIVED", total, "KRW", null, items));
        return orderId;
    }

    JsonPath feed() {
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }

    void choose(Map<String, Object> preferences) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(preferences).when().put("/api/v1/notifications/preferences")
                .then().statusCode(200);
    }

    void registersDevice(String deviceToken) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("token", deviceToken, "platform", "ANDROID"))
                .when().post("/api/v1/notifications/devices").then().statusCode(201);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}

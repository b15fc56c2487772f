package io.mall.order;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A shopper placing orders through the API, for tests. */
record Shop(UUID shopper, String token, UUID addressId) {

    static Shop newShopper() {
        UUID id = UUID.randomUUID();
        return new Shop(id, TestTokens.customer(id.toString()), Partners.address(id));
    }

    Map<String, Object> order(Map<String, Integer> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", lines.entrySet().stream().map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue())).toList());
        body.put("addressId", addressId.toString());
        body.put("shippingOption", "STANDARD");
        body.put("payment", Map.of("method", "CARD", "cardToken", "tok_sandbox_" + UUID.randomUUID()));
        return body;
    }

    Map<String, Object> fromCart() {
        Map<String, Object> body = new HashMap<>();
        body.put("fromCart", true);
        body.put("addressId", addressId.toString());
        body.put("shippingOption", "EXPRESS");
        body.put("payment", Map.of("method", "CARD", "cardToken", "tok_sandbox_" + UUID.randomUUID()));
        return body;
    }

    Response place(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key)).when().post("/api/v1/orders");
    }

    /** Places the order and answers its id. */
    UUID placed(Map<String, Object> body) {
        return UUID.fromString(place(UUID.randomUUID().toString(), body).then().statusCode(202).extract().path("orderId"));
    }

    String status(UUID orderId) {
        return given().auth().oauth2(token).when().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().path("status");
    }

    List<String> timeline(UUID orderId) {
        return given().auth().oauth2(token).when().get("/api/v1/orders/" + orderId + "/events").then().statusCode(200)
                .extract().jsonPath().getList("type");
    }
}

package io.mall.review;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.order.OrderUpdated;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A shopper whose order was delivered (as the order service announces it), writing reviews through the API. */
record Shop(String shopper, String token, String orderId) {

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A new shopper, whose order with these products was delivered; waits until the review service knows. */
    static Shop delivered(String... productIds) {
        String shopper = UUID.randomUUID().toString();
        Shop shop = new Shop(shopper, TestTokens.customer(shopper), UUID.randomUUID().toString());
        shop.deliver(productIds);
        return shop;
    }

    /** Another order of the same shopper, delivered. */
    Shop anotherOrder(String... productIds) {
        Shop next = new Shop(shopper, token, UUID.randomUUID().toString());
        next.deliver(productIds);
        return next;
    }

    private void deliver(String... productIds) {
        List<OrderUpdated.Line> lines = java.util.Arrays.stream(productIds)
                .map(product -> new OrderUpdated.Line("SKU-" + product, product, "Product " + product, 1)).toList();
        send(Topics.ORDER_EVENTS, EventTypes.ORDER_DELIVERED, orderId, new OrderUpdated(UUID.fromString(orderId), UUID.fromString(shopper),
                "DELIVERED", 10_000, "KRW", null, lines));
        // eligible once the delivery was read
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(token).when().get("/api/v1/reviews/reviewable")
                .then().statusCode(200).extract().jsonPath().getList("orderId").contains(orderId));
    }

    Response write(String productId, int rating, String title, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "productId", productId, "rating", rating, "title", title, "text", text))
                .when().post("/api/v1/reviews");
    }

    /** Writes a review and answers its id. */
    String reviewed(String productId, int rating, String text) {
        return write(productId, rating, "", text).then().statusCode(201).extract().path("id");
    }

    static void send(String topic, String type, String subject, Object data) {
        try {
            TestKafka.send(topic, subject, JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type,
                    topic.substring(0, topic.indexOf('.')), Instant.now(), subject, null, data)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mall.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mall.testing.SmtpSink;
import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A shopper's whole checkout across the real services: sign up and in, an address, a cart, a
 * card, an order from the cart; the saga reserves the stock, takes the money, labels the parcel,
 * which the simulated carrier delivers; the cart is emptied and the stock committed. And a declined
 * card: the order fails and the stock is free again.
 */
class CheckoutJourneyTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID().toString());

    private static Mall mall;

    @BeforeAll
    static void openTheShop() throws Exception {
        mall = Mall.open();
    }

    @AfterAll
    static void closeTheShop() {
        if (mall != null) {
            mall.close();
        }
    }

    @Test
    void aShopperBuysFromTheirCartAndTheParcelIsDeliveredWhileStockAndCartFollow() {
        String sku = stockedSku(10, 12_000);
        String email = "journey-" + UUID.randomUUID() + "@mall.test";
        String shopper = signUpAndIn(email);
        String address = addAddress(shopper);
        call(mall.cart, shopper).body(Map.of("sku", sku, "quantity", 2)).post("/api/v1/cart/lines").then().statusCode(200);

        String order = placeFromCart(shopper, address, cardToken("4242424242424242"));

        awaitStatus(shopper, order, "DELIVERED");
        JsonPath placed = call(mall.order, shopper).get("/api/v1/orders/" + order).then().statusCode(200).extract().jsonPath();
        assertThat(placed.getLong("subtotal")).isEqualTo(24_000);
        assertThat(placed.getString("trackingNumber")).startsWith("SIM");
        assertThat(call(mall.order, shopper).get("/api/v1/orders/" + order + "/events").then().extract().jsonPath().getList("type", String.class))
                .containsExactly("Placed", "StockReserved", "PaymentCaptured", "ShipmentCreated", "Shipped", "Delivered");
        JsonPath payments = call(mall.payment, shopper).queryParam("orderId", order).get("/api/v1/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(payments.getString("items[0].status")).isEqualTo("CAPTURED");
        assertThat(payments.getLong("items[0].amountMinor")).isEqualTo(placed.getLong("total"));
        call(mall.shipping, shopper).queryParam("orderId", order).get("/api/v1/shipments").then().statusCode(200);
        // the cart clears once the order is paid; the stock left the warehouse with the parcel
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(mall.cart, shopper).get("/api/v1/cart").then()
                .statusCode(200).extract().jsonPath().getList("lines")).isEmpty());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath stock = stock(sku);
            assertThat(stock.getInt("available")).isEqualTo(8);
            assertThat(stock.getInt("reserved")).isZero();
        });
        // and the shopper was told each step by email, in Korean, from the real events and their real contact details
        String number = order.substring(0, 8).toUpperCase();
        for (String subject : List.of("Mall에 오신 것을 환영합니다", "새로운 로그인", "주문이 접수되었습니다 (" + number + ")",
                "결제가 완료되었습니다 (" + number + ")", "상품이 발송되었습니다 (" + number + ")", "배송이 완료되었습니다 (" + number + ")")) {
            SmtpSink.about(email, subject);
        }
        assertThat(SmtpSink.about(email, "상품이 발송되었습니다").text()).contains(placed.getString("trackingNumber"));
        assertThat(SmtpSink.about(email, "주문이 접수되었습니다").text()).contains("₩" + String.format(java.util.Locale.ROOT, "%,d", placed.getLong("total")));

        // the delivered shirt may now be reviewed; the review is published and the product's rating follows it
        String product = stock(sku).getString("productId");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().baseUri(mall.review.baseUrl()).auth().oauth2(shopper)
                .get("/api/v1/reviews/reviewable").then().statusCode(200).extract().jsonPath().getList("orderId").contains(order));
        given().baseUri(mall.review.baseUrl()).auth().oauth2(shopper).contentType(ContentType.JSON)
                .body(Map.of("orderId", order, "productId", product, "rating", 4, "text", "원단이 두껍고 바느질이 꼼꼼해요. 사이즈 M이 딱 맞습니다."))
                .post("/api/v1/reviews").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath rating = given().baseUri(mall.product.baseUrl()).get("/api/v1/products/" + product).then().statusCode(200).extract().jsonPath();
            assertThat(rating.getLong("rating.count")).isEqualTo(1);
            assertThat(rating.getDouble("rating.average")).isEqualTo(4.0);
        });
    }

    @Test
    void aDeclinedCardFailsTheOrderAndFreesItsStock() {
        String sku = stockedSku(5, 9_000);
        String shopper = signUpAndIn();
        String address = addAddress(shopper);
        call(mall.cart, shopper).body(Map.of("sku", sku, "quantity", 3)).post("/api/v1/cart/lines").then().statusCode(200);

        String order = placeFromCart(shopper, address, cardToken("4000000000000002"));

        awaitStatus(shopper, order, "FAILED");
        assertThat(call(mall.order, shopper).get("/api/v1/orders/" + order).then().extract().<String>path("reason")).contains("declined");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath stock = stock(sku);
            assertThat(stock.getInt("available")).isEqualTo(5);
            assertThat(stock.getInt("reserved")).isZero();
        });
        // the cart keeps what was not bought
        assertThat(call(mall.cart, shopper).get("/api/v1/cart").then().extract().jsonPath().getList("lines")).hasSize(1);
    }

    @Test
    void theSagaEndsRightWhenTheOrderServiceIsKilledAndRestartedMidway() {
        String sku = stockedSku(10, 7_000);
        String shopper = signUpAndIn();
        String address = addAddress(shopper);
        call(mall.cart, shopper).body(Map.of("sku", sku, "quantity", 1)).post("/api/v1/cart/lines").then().statusCode(200);

        String order = placeFromCart(shopper, address, cardToken("4242424242424242"));
        // killed the moment the order is accepted: its first command may not have left the outbox yet
        mall.order.kill();
        mall.order.restart();
        // killed again once the parcel is labelled: while it is down the carrier delivers it, and the news waits in Kafka
        await().atMost(Duration.ofSeconds(60)).until(() -> call(mall.shipping, shopper).queryParam("orderId", order)
                .get("/api/v1/shipments").statusCode() == 200);
        mall.order.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(call(mall.shipping, shopper).queryParam("orderId", order)
                .get("/api/v1/shipments").then().extract().path("[0].status")));
        mall.order.restart();

        awaitStatus(shopper, order, "DELIVERED");
        JsonPath payments = call(mall.payment, shopper).queryParam("orderId", order).get("/api/v1/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(payments.getList("items")).as("charged once").hasSize(1);
        assertThat(call(mall.shipping, shopper).queryParam("orderId", order).get("/api/v1/shipments").then().extract().jsonPath()
                .getList("$")).as("one parcel").hasSize(1);
        List<String> timeline = call(mall.order, shopper).get("/api/v1/orders/" + order + "/events").then().extract().jsonPath()
                .getList("type", String.class);
        assertThat(timeline).containsExactly("Placed", "StockReserved", "PaymentCaptured", "ShipmentCreated", "Shipped", "Delivered");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stock(sku).getInt("available")).isEqualTo(9));
    }

    private static RequestSpecification call(io.mall.testing.ServiceProcess service, String token) {
        return given().baseUri(service.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A product with one variant of {@code stock} units at {@code price} won, as an administrator adds it. */
    private static String stockedSku(int stock, long price) {
        String category = given().baseUri(mall.product.baseUrl()).auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Journeys " + UUID.randomUUID())).post("/api/v1/categories").then().statusCode(201).extract().path("id");
        String sku = "JOURNEY-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> variant = Map.of("sku", sku, "options", Map.of("size", "M"), "price", price, "currency", "KRW",
                "weightGrams", 600, "stock", stock, "lowStockThreshold", 1);
        given().baseUri(mall.product.baseUrl()).auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "여행용 셔츠 " + sku, "brand", "Mall", "description", "for the journey", "images", List.of(),
                        "categoryId", category, "attributes", Map.of(), "variants", List.of(variant)))
                .post("/api/v1/products").then().statusCode(201);
        return sku;
    }

    private static JsonPath stock(String sku) {
        return given().baseUri(mall.product.baseUrl()).auth().oauth2(ADMIN).get("/api/v1/inventory/" + sku).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Registers a new shopper and signs them in: their access token. */
    private static String signUpAndIn() {
        return signUpAndIn("journey-" + UUID.randomUUID() + "@mall.test");
    }

    private static String signUpAndIn(String email) {
        String password = "correct horse battery " + UUID.randomUUID();
        given().baseUri(mall.user.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "displayName", "김여행")).post("/api/v1/users").then().statusCode(201);
        return given().baseUri(mall.user.baseUrl()).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    private static String addAddress(String shopper) {
        return call(mall.shipping, shopper).body(Map.of("recipientName", "김여행", "phone", "010-2345-6789", "country", "KR",
                "postalCode", "06236", "line1", "서울특별시 강남구 테헤란로 152", "line2", "12층"))
                .post("/api/v1/addresses").then().statusCode(201).extract().path("id");
    }

    /** What the sandbox gateway's card form gives for this test card. */
    private static String cardToken(String number) {
        return given().baseUri(mall.payment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "expMonth", 12, "expYear", Year.now().getValue() + 2, "cvc", "123"))
                .post("/api/v1/payments/sandbox/tokens").then().statusCode(201).extract().path("token");
    }

    private static String placeFromCart(String shopper, String address, String card) {
        return call(mall.order, shopper).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fromCart", true, "addressId", address, "shippingOption", "STANDARD",
                        "payment", Map.of("method", "CARD", "cardToken", card)))
                .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
    }

    /** Waits until the order is in one of {@code statuses}. */
    private static void awaitStatus(String shopper, String order, String... statuses) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> List.of(statuses)
                    .contains(call(mall.order, shopper).get("/api/v1/orders/" + order).then().extract().<String>path("status")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("order " + order + " did not become " + List.of(statuses) + ": "
                    + call(mall.order, shopper).get("/api/v1/orders/" + order + "/events").asString() + mall.logs(), e);
        }
    }
}

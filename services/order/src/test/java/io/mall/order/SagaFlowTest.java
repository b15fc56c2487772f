package io.mall.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.payment.PaymentActionRequired;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.payment.PaymentFailed;
import io.mall.contracts.payment.PaymentRefunded;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockRejected;
import io.mall.contracts.product.StockReserved;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.shipping.ShipmentRefused;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.order.app.Orders;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The saga from the order's side: each reply moves the order and asks the next service, each
 * failure undoes what was done; the partners' replies are sent over Kafka as they send them.
 */
@QuarkusTest
@QuarkusTestResource(Partners.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "order"))
class SagaFlowTest {

    @Inject
    Pool database;

    @Inject
    Orders orders;

    @Test
    void aPaidOrderIsShippedAndDeliveredAndItsTimelineTellsEveryStep() {
        Shop shop = Shop.newShopper();
        UUID orderId = placed(shop, 2);

        reserve(orderId);
        JsonPath charge = SagaPartners.first(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CHARGE_PAYMENT);
        assertThat(charge.getLong("data.amountMinor")).isEqualTo(23_000);
        assertThat(charge.getString("data.cardToken")).startsWith("tok_sandbox_");
        assertThat(instructionsOf(orderId)).as("the card token is forgotten once the charge is asked for").isZero();
        // the same reply again asks for nothing more
        reserve(orderId);

        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId,
                new PaymentCaptured(UUID.randomUUID(), orderId, 23_000, "KRW", "CARD"));
        JsonPath ship = SagaPartners.first(Topics.SHIPPING_COMMANDS, orderId, EventTypes.CREATE_SHIPMENT);
        assertThat(ship.getString("data.addressId")).isEqualTo(shop.addressId().toString());
        assertThat(ship.getLong("data.weightGrams")).isEqualTo(800);
        assertThat(ship.getLong("data.declaredValueMinor")).isEqualTo(20_000);
        assertThat(SagaPartners.first(Topics.ORDER_EVENTS, orderId, EventTypes.ORDER_CONFIRMED).getBoolean("data.fromCart")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(shop.status(orderId)));

        UUID shipmentId = UUID.randomUUID();
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_CREATED, orderId,
                new ShipmentCreated(shipmentId, orderId, "simulated", "SIM000000000001", null));
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(shipmentId, orderId, "PICKED_UP", "곤지암", "collected", Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SHIPPING".equals(shop.status(orderId)));
        SagaPartners.first(Topics.PRODUCT_COMMANDS, orderId, EventTypes.COMMIT_STOCK);
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_DELIVERED, orderId,
                new ShipmentUpdated(shipmentId, orderId, "DELIVERED", "서울", "delivered", Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(shop.status(orderId)));

        assertThat(shop.timeline(orderId)).containsExactly("Placed", "StockReserved", "PaymentCaptured", "ShipmentCreated", "Shipped",
                "Delivered");
        given().auth().oauth2(shop.token()).when().get("/api/v1/orders/" + orderId).then().body("trackingNumber", equalTo("SIM000000000001"));
        assertThat(SagaPartners.sent(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CHARGE_PAYMENT, 2, Duration.ofSeconds(2))).hasSize(1);
        assertThat(SagaPartners.first(Topics.ORDER_EVENTS, orderId, EventTypes.ORDER_DELIVERED).getList("data.lines.productId")).hasSize(1);
    }

    @Test
    void stockThatIsShortFailsTheOrderWithoutAChargeAndADeclinedPaymentReleasesTheStock() {
        Shop shop = Shop.newShopper();
        UUID short1 = placed(shop, 1);
        SagaPartners.answer(Topics.PRODUCT_EVENTS, EventTypes.STOCK_REJECTED, short1, new StockRejected(short1, List.of("X"), "X is short"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(shop.status(short1)));
        assertThat(SagaPartners.sent(Topics.PAYMENT_COMMANDS, short1, EventTypes.CHARGE_PAYMENT, 1, Duration.ofSeconds(2))).isEmpty();
        SagaPartners.first(Topics.ORDER_EVENTS, short1, EventTypes.ORDER_FAILED);

        UUID declined = placed(shop, 1);
        reserve(declined);
        SagaPartners.first(Topics.PAYMENT_COMMANDS, declined, EventTypes.CHARGE_PAYMENT);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_FAILED, declined,
                new PaymentFailed(UUID.randomUUID(), declined, "DECLINED", "the card was declined"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(shop.status(declined)));
        SagaPartners.first(Topics.PRODUCT_COMMANDS, declined, EventTypes.RELEASE_STOCK);
        given().auth().oauth2(shop.token()).when().get("/api/v1/orders/" + declined).then()
                .body("reason", containsString("declined"));
    }

    @Test
    void aBankTransferWaitsForTheDepositAndAPaymentPastItsDeadlineFailsTheOrderAndUndoesIt() {
        Shop shop = Shop.newShopper();
        UUID orderId = placed(shop, 1);
        reserveUntilCharged(orderId);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_ACTION_REQUIRED, orderId, new PaymentActionRequired(UUID.randomUUID(),
                orderId, 13_000, "KRW", "BANK_TRANSFER", "KB국민은행", "0012345678", null, Instant.now().plusSeconds(86_400)));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(shop.token()).when().get("/api/v1/orders/" + orderId)
                .then().extract().<Boolean>path("paymentPending"));

        // no deposit within the time a pending payment has (3 s in tests)
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(shop.status(orderId)));
        SagaPartners.first(Topics.PRODUCT_COMMANDS, orderId, EventTypes.RELEASE_STOCK);
        SagaPartners.first(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CANCEL_PAYMENT);
        assertThat(shop.timeline(orderId)).endsWith("StepTimedOut");

        // the deposit arrives after all: the money goes back
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId,
                new PaymentCaptured(UUID.randomUUID(), orderId, 13_000, "KRW", "BANK_TRANSFER"));
        assertThat(SagaPartners.sent(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CANCEL_PAYMENT, 2)).hasSize(2);
        assertThat(shop.status(orderId)).isEqualTo("FAILED");
    }

    @Test
    void cancellingUndoesWhatEachStateHadDone() {
        Shop shop = Shop.newShopper();

        UUID received = placed(shop, 1);
        cancel(shop.token(), received).then().statusCode(200).body("status", equalTo("CANCELLED"));
        SagaPartners.first(Topics.PRODUCT_COMMANDS, received, EventTypes.RELEASE_STOCK);
        assertThat(SagaPartners.sent(Topics.PAYMENT_COMMANDS, received, EventTypes.CANCEL_PAYMENT, 1, Duration.ofSeconds(2))).isEmpty();
        // the reservation that crossed the cancel asks for no charge
        reserve(received);
        assertThat(SagaPartners.sent(Topics.PAYMENT_COMMANDS, received, EventTypes.CHARGE_PAYMENT, 1, Duration.ofSeconds(2))).isEmpty();

        UUID paid = placed(shop, 1);
        reserveUntilCharged(paid);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, paid,
                new PaymentCaptured(UUID.randomUUID(), paid, 13_000, "KRW", "CARD"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(shop.status(paid)));
        cancel(shop.token(), paid).then().statusCode(200);
        SagaPartners.first(Topics.PAYMENT_COMMANDS, paid, EventTypes.CANCEL_PAYMENT);
        SagaPartners.first(Topics.PRODUCT_COMMANDS, paid, EventTypes.RELEASE_STOCK);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_REFUNDED, paid, new PaymentRefunded(UUID.randomUUID(), paid,
                UUID.randomUUID(), 13_000, "KRW", 13_000, true, "the shopper cancelled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "REFUNDED".equals(shop.status(paid)));
        // a shipment made meanwhile is cancelled too
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_CREATED, paid,
                new ShipmentCreated(UUID.randomUUID(), paid, "simulated", "SIM000000000002", null));
        SagaPartners.first(Topics.SHIPPING_COMMANDS, paid, EventTypes.CANCEL_SHIPMENT);

        UUID shipping = shipped(shop);
        cancel(shop.token(), shipping).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SHIPPING"));
        cancel(TestTokens.support(UUID.randomUUID().toString()), shipping).then().statusCode(200).body("status", equalTo("CANCELLED"));
        SagaPartners.first(Topics.PAYMENT_COMMANDS, shipping, EventTypes.CANCEL_PAYMENT);
        cancel(shop.token(), received).then().statusCode(409);
    }

    @Test
    void aParcelThatCannotBeShippedIsRefundedAndTheAddressChangesOnlyBeforeTheLabel() {
        Shop shop = Shop.newShopper();
        UUID orderId = placed(shop, 1);
        UUID other = Partners.address(shop.shopper());
        given().auth().oauth2(shop.token()).contentType("application/json").body(Map.of("addressId", other.toString())).when()
                .put("/api/v1/orders/" + orderId + "/address").then().statusCode(200).body("addressId", equalTo(other.toString()));
        given().auth().oauth2(shop.token()).contentType("application/json")
                .body(Map.of("addressId", Shop.newShopper().addressId().toString())).when()
                .put("/api/v1/orders/" + orderId + "/address").then().statusCode(422).body("violations[0].field", equalTo("addressId"));
        reserveUntilCharged(orderId);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId,
                new PaymentCaptured(UUID.randomUUID(), orderId, 13_000, "KRW", "CARD"));
        assertThat(SagaPartners.first(Topics.SHIPPING_COMMANDS, orderId, EventTypes.CREATE_SHIPMENT).getString("data.addressId"))
                .isEqualTo(other.toString());

        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_REFUSED, orderId, new ShipmentRefused(orderId, "no carrier"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(shop.status(orderId)));
        SagaPartners.first(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CANCEL_PAYMENT);
        given().auth().oauth2(shop.token()).contentType("application/json").body(Map.of("addressId", other.toString())).when()
                .put("/api/v1/orders/" + orderId + "/address").then().statusCode(409);
    }

    @Test
    void aMalformedReplyIsDeadLetteredAndTheNextOneIsStillTaken() {
        Shop shop = Shop.newShopper();
        UUID orderId = placed(shop, 1);

        TestKafka.send(Topics.PRODUCT_EVENTS, orderId.toString(), "{\"type\": \"product.stock-reserved\", \"data\": ");
        SagaPartners.answer(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RESERVED, orderId, Map.of("expiresAt", "soon"));
        reserve(orderId);

        SagaPartners.first(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CHARGE_PAYMENT);
        assertThat(TestKafka.deadLetters(Topics.PRODUCT_EVENTS, orderId.toString(), "order-product-events", 2, Duration.ofSeconds(20)))
                .hasSize(2);
    }

    @Test
    void everyOrderRebuiltFromItsEventsAloneMatchesItsLiveStateAndTheReadModel() throws Throwable {
        Shop shop = Shop.newShopper();
        UUID orderId = shipped(shop);
        cancel(TestTokens.admin(UUID.randomUUID().toString()), orderId).then().statusCode(200);
        String before = given().auth().oauth2(shop.token()).when().get("/api/v1/orders").then().statusCode(200).extract().asString();

        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).when().post("/api/v1/orders/read-model/rebuild").then()
                .statusCode(200);

        assertThat(given().auth().oauth2(shop.token()).when().get("/api/v1/orders").then().extract().asString()).isEqualTo(before);
        var live = VertxContextSupport.subscribeAndAwait(() -> orders.find(orderId, null));
        var replayed = VertxContextSupport.subscribeAndAwait(() -> orders.replayed(orderId));
        assertThat(replayed).usingRecursiveComparison().ignoringFields("correlationId").isEqualTo(live);
        given().auth().oauth2(shop.token()).when().post("/api/v1/orders/read-model/rebuild").then().statusCode(403);
    }

    private UUID placed(Shop shop, int quantity) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Partners.sells(new Partners.Sku(sku, 10_000, false));
        return shop.placed(shop.order(Map.of(sku, quantity)));
    }

    /** An order that reached SHIPPING. */
    private UUID shipped(Shop shop) {
        UUID orderId = placed(shop, 1);
        reserveUntilCharged(orderId);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId,
                new PaymentCaptured(UUID.randomUUID(), orderId, 13_000, "KRW", "CARD"));
        SagaPartners.first(Topics.SHIPPING_COMMANDS, orderId, EventTypes.CREATE_SHIPMENT);
        UUID shipmentId = UUID.randomUUID();
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_CREATED, orderId,
                new ShipmentCreated(shipmentId, orderId, "simulated", "SIM" + orderId.toString().substring(0, 8), null));
        SagaPartners.answer(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(shipmentId, orderId, "IN_TRANSIT", "허브", "sorted", Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SHIPPING".equals(shop.status(orderId)));
        return orderId;
    }

    private static void reserve(UUID orderId) {
        SagaPartners.answer(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RESERVED, orderId,
                new StockReserved(orderId, List.of(new StockLine("X", 1)), Instant.now().plusSeconds(900)));
    }

    /**
     * Stock reserved, and the charge asked for: payment answers only after that (replies on
     * different topics are read by different consumers, so a test must not answer ahead of time).
     */
    private static void reserveUntilCharged(UUID orderId) {
        reserve(orderId);
        SagaPartners.first(Topics.PAYMENT_COMMANDS, orderId, EventTypes.CHARGE_PAYMENT);
    }

    private static io.restassured.response.Response cancel(String token, UUID orderId) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "changed my mind")).when()
                .post("/api/v1/orders/" + orderId + "/cancel");
    }

    private long instructionsOf(UUID orderId) {
        return database.preparedQuery("SELECT count(*) FROM payment_instructions WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getLong(0);
    }
}

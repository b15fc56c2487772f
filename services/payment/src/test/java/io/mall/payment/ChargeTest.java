package io.mall.payment;

import static io.mall.payment.Fixtures.card;
import static io.mall.payment.Fixtures.cardToken;
import static io.mall.payment.Fixtures.charge;
import static io.mall.payment.Fixtures.event;
import static io.mall.payment.Fixtures.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.CancelPayment;
import io.mall.contracts.payment.ChargePayment;
import io.mall.payment.app.Payments;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.Payment;
import io.mall.payment.domain.PaymentMethod;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The order saga's charge, capture and cancel, against the sandbox gateway, answered on payment.events. */
@QuarkusTest
class ChargeTest {

    @Inject
    Pool database;

    @Inject
    Payments payments;

    @Test
    void aCardChargeIsCapturedAndAnsweredOncePerOrder() {
        UUID order = UUID.randomUUID();
        UUID shopper = UUID.randomUUID();

        charge(card(order, shopper, 25_900, cardToken(Fixtures.VISA)));

        JsonPath captured = event(order, EventTypes.PAYMENT_CAPTURED);
        assertThat(captured.getLong("data.amountMinor")).isEqualTo(25_900);
        assertThat(captured.getString("data.currency")).isEqualTo("KRW");
        assertThat(captured.getString("source")).isEqualTo("payment");
        String paymentId = captured.getString("data.paymentId");
        JsonPath payment = given().auth().oauth2(TestTokens.customer(shopper.toString()))
                .when().get("/api/v1/payments/" + paymentId).then().statusCode(200).extract().jsonPath();
        assertThat(payment.getString("status")).isEqualTo("CAPTURED");
        assertThat(payment.getString("card.brand")).isEqualTo("visa");
        assertThat(payment.getString("card.last4")).isEqualTo("4242");
        assertThat(payment.getList("transactions.kind")).containsExactly("CAPTURE");
    }

    @Test
    void everyTestCardsOutcomeIsAnsweredWithItsReason() {
        Map<String, String> expected = Map.of(
                "4000000000000002", "DECLINED",
                "4000000000009995", "INSUFFICIENT_FUNDS",
                "4000000000000069", "EXPIRED_CARD",
                "4000000000000119", "PROCESSING_ERROR");
        Map<String, UUID> orders = new java.util.HashMap<>();
        expected.keySet().forEach(number -> {
            UUID order = UUID.randomUUID();
            orders.put(number, order);
            charge(card(order, UUID.randomUUID(), 1_000, cardToken(number)));
        });

        expected.forEach((number, code) -> {
            JsonPath failed = event(orders.get(number), EventTypes.PAYMENT_FAILED);
            assertThat(failed.getString("data.code")).as(number).isEqualTo(code);
            assertThat(failed.getString("data.reason")).as(number).isNotBlank().doesNotContain(number);
        });
    }

    @Test
    void theSameChargeDeliveredThreeTimesChargesOnce() {
        UUID order = UUID.randomUUID();
        ChargePayment charge = card(order, UUID.randomUUID(), 7_000, cardToken(Fixtures.VISA));

        UUID envelope = charge(charge);
        Fixtures.command(envelope, EventTypes.CHARGE_PAYMENT, order, charge); // redelivered as it was
        charge(charge); // sent again by a saga that lost its answer

        // the repeat is answered with the payment's own event, and with nothing else
        assertThat(events(order, EventTypes.PAYMENT_CAPTURED, 2)).extracting(e -> e.getString("type"))
                .containsOnly(EventTypes.PAYMENT_CAPTURED).hasSizeGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM sandbox_charges c JOIN payments p ON p.id::text = c.idempotency_key"
                + " WHERE p.order_id = $1", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_transactions WHERE order_id = $1", order)).isEqualTo(1);
    }

    @Test
    void twoDeliveriesOfOneChargeAtOnceMakeOnePaymentAndChargeOnce() throws Exception {
        UUID order = UUID.randomUUID();
        // as after a rebalance, when two consumers hold the same command for a moment
        Payments.ChargeOrder charge = new Payments.ChargeOrder(order, UUID.randomUUID(), new Money(6_000, "KRW"), PaymentMethod.CARD,
                cardToken(Fixtures.VISA), null, false, null, false);
        Callable<Payment> delivery = () -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> payments.charge(charge));
            } catch (Throwable failure) {
                throw new IllegalStateException(failure);
            }
        };
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            for (Future<Payment> answered : consumers.invokeAll(List.of(delivery, delivery))) {
                answered.get();
            }
        } finally {
            consumers.shutdown();
        }

        assertThat(count("SELECT count(*) FROM payments WHERE order_id = $1", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = $1 AND status = 'CAPTURED'", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charges c JOIN payments p ON p.id::text = c.idempotency_key"
                + " WHERE p.order_id = $1", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_transactions WHERE order_id = $1", order)).isEqualTo(1);
    }

    @Test
    void aChargeWhoseAnswerCameTooLateIsLookedUpAndChargedOnce() {
        UUID order = UUID.randomUUID();

        charge(card(order, UUID.randomUUID(), 3_300, cardToken("4000000000000077")));

        JsonPath captured = event(order, EventTypes.PAYMENT_CAPTURED);
        assertThat(captured.getLong("data.amountMinor")).isEqualTo(3_300);
        assertThat(count("SELECT count(*) FROM sandbox_charges c JOIN payments p ON p.id::text = c.idempotency_key"
                + " WHERE p.order_id = $1", order)).isEqualTo(1);
    }

    @Test
    void aChargeWithAnotherShoppersSavedCardFailsAndChargesNothing() {
        UUID owner = UUID.randomUUID();
        String cardId = given().auth().oauth2(TestTokens.customer(owner.toString())).contentType(ContentType.JSON)
                .body(Map.of("token", cardToken(Fixtures.VISA))).when().post("/api/v1/payments/cards")
                .then().statusCode(201).extract().path("id");
        UUID order = UUID.randomUUID();

        charge(new ChargePayment(order, UUID.randomUUID(), 5_000, "KRW", "CARD", null, UUID.fromString(cardId), false, null, false));

        JsonPath failed = event(order, EventTypes.PAYMENT_FAILED);
        assertThat(failed.getString("data.code")).isEqualTo("INVALID_REQUEST");
        assertThat(failed.getString("data.reason")).contains("savedCardId");
        assertThat(count("SELECT count(*) FROM sandbox_charges c JOIN payments p ON p.id::text = c.idempotency_key"
                + " WHERE p.order_id = $1", order)).isZero();
    }

    @Test
    void aChargeRepeatedAfterItsSavedCardWasDeletedIsAnsweredWithItsPaymentAndChargesOnce() {
        UUID shopper = UUID.randomUUID();
        String token = TestTokens.customer(shopper.toString());
        String cardId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("token", cardToken(Fixtures.VISA))).when().post("/api/v1/payments/cards")
                .then().statusCode(201).extract().path("id");
        UUID order = UUID.randomUUID();
        ChargePayment charge = new ChargePayment(order, shopper, 4_500, "KRW", "CARD", null, UUID.fromString(cardId), false, null, false);
        charge(charge);
        event(order, EventTypes.PAYMENT_CAPTURED);

        given().auth().oauth2(token).when().delete("/api/v1/payments/cards/" + cardId).then().statusCode(204);
        charge(charge); // the saga did not hear the answer and asks again

        // the repeat is answered with the payment's own event, and with nothing else
        assertThat(events(order, EventTypes.PAYMENT_CAPTURED, 2)).extracting(e -> e.getString("type"))
                .containsOnly(EventTypes.PAYMENT_CAPTURED).hasSizeGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = $1 AND status = 'CAPTURED'", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charges c JOIN payments p ON p.id::text = c.idempotency_key"
                + " WHERE p.order_id = $1", order)).isEqualTo(1);
    }

    @Test
    void anAuthorisationIsCapturedLaterOrReleasedByACancel() {
        UUID captureOrder = UUID.randomUUID();
        UUID cancelOrder = UUID.randomUUID();
        String token = cardToken(Fixtures.VISA);
        charge(new ChargePayment(captureOrder, UUID.randomUUID(), 9_000, "KRW", "CARD", token, null, false, null, true));
        charge(new ChargePayment(cancelOrder, UUID.randomUUID(), 9_000, "KRW", "CARD", cardToken(Fixtures.VISA), null, false, null, true));
        event(captureOrder, EventTypes.PAYMENT_AUTHORISED);
        event(cancelOrder, EventTypes.PAYMENT_AUTHORISED);

        Fixtures.command(EventTypes.CAPTURE_PAYMENT, captureOrder, new io.mall.contracts.payment.CapturePayment(captureOrder, 8_000L));
        Fixtures.command(EventTypes.CANCEL_PAYMENT, cancelOrder, new CancelPayment(cancelOrder, "the shopper changed their mind"));

        assertThat(event(captureOrder, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(8_000);
        assertThat(event(cancelOrder, EventTypes.PAYMENT_CANCELLED).getString("data.reason")).isEqualTo("the shopper changed their mind");
    }

    @Test
    void cancellingAnOrderWhosePaymentWasCapturedRefundsItInFullOnce() {
        UUID order = UUID.randomUUID();
        charge(card(order, UUID.randomUUID(), 12_000, cardToken(Fixtures.VISA)));
        event(order, EventTypes.PAYMENT_CAPTURED);

        Fixtures.command(EventTypes.CANCEL_PAYMENT, order, new CancelPayment(order, "cancelled before shipping"));
        Fixtures.command(EventTypes.CANCEL_PAYMENT, order, new CancelPayment(order, "cancelled before shipping"));

        List<JsonPath> refunded = events(order, EventTypes.PAYMENT_REFUNDED, 1);
        JsonPath first = refunded.stream().filter(e -> EventTypes.PAYMENT_REFUNDED.equals(e.getString("type"))).findFirst().orElseThrow();
        assertThat(first.getLong("data.amountMinor")).isEqualTo(12_000);
        assertThat(first.getBoolean("data.fully")).isTrue();
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM refunds WHERE order_id = $1", order) == 1);
        assertThat(count("SELECT coalesce(sum(r.amount_minor), 0) FROM sandbox_refunds r JOIN sandbox_charges c"
                + " ON c.reference = r.charge_reference JOIN payments p ON p.id::text = c.idempotency_key WHERE p.order_id = $1", order))
                .isEqualTo(12_000);
    }

    @Test
    void aBankTransferWaitsForItsDepositThenIsCaptured() {
        UUID order = UUID.randomUUID();
        charge(new ChargePayment(order, UUID.randomUUID(), 48_000, "KRW", "BANK_TRANSFER", null, null, false, null, false));

        JsonPath waiting = event(order, EventTypes.PAYMENT_ACTION_REQUIRED);
        String account = waiting.getString("data.accountNumber");
        assertThat(account).isNotBlank();
        assertThat(waiting.getString("data.expiresAt")).isNotBlank();
        // only the exact amount is accepted
        given().contentType(ContentType.JSON).body(Map.of("accountNumber", account, "amountMinor", 47_000))
                .when().post("/api/v1/payments/sandbox/deposits").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("accountNumber", account, "amountMinor", 48_000))
                .when().post("/api/v1/payments/sandbox/deposits").then().statusCode(200);

        assertThat(event(order, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(48_000);
    }

    @Test
    void aBankTransferWithoutADepositInTimeFailsAsExpired() {
        UUID order = UUID.randomUUID();
        charge(new ChargePayment(order, UUID.randomUUID(), 10_000, "KRW", "BANK_TRANSFER", null, null, false, null, false));
        String account = event(order, EventTypes.PAYMENT_ACTION_REQUIRED).getString("data.accountNumber");

        assertThat(event(order, EventTypes.PAYMENT_FAILED).getString("data.code")).isEqualTo("EXPIRED");
        // the account is closed: a late deposit is not accepted
        given().contentType(ContentType.JSON).body(Map.of("accountNumber", account, "amountMinor", 10_000))
                .when().post("/api/v1/payments/sandbox/deposits").then().statusCode(404);
    }

    @Test
    void aWalletPaymentIsCapturedWhenApprovedAndFailsWhenTheShopperCancels() {
        UUID approved = UUID.randomUUID();
        UUID turnedDown = UUID.randomUUID();
        charge(new ChargePayment(approved, UUID.randomUUID(), 15_000, "KRW", "EASY_PAY", null, null, false, "https://shop.example/back", false));
        charge(new ChargePayment(turnedDown, UUID.randomUUID(), 15_000, "KRW", "EASY_PAY", null, null, false, "https://shop.example/back", false));
        String approveUrl = event(approved, EventTypes.PAYMENT_ACTION_REQUIRED).getString("data.approvalUrl");
        String cancelUrl = event(turnedDown, EventTypes.PAYMENT_ACTION_REQUIRED).getString("data.approvalUrl");

        given().when().post(path(approveUrl) + "/approve").then().statusCode(200);
        given().when().post(path(cancelUrl) + "/cancel").then().statusCode(200);

        assertThat(event(approved, EventTypes.PAYMENT_CAPTURED).getString("data.method")).isEqualTo("EASY_PAY");
        assertThat(event(turnedDown, EventTypes.PAYMENT_FAILED).getString("data.code")).isEqualTo("CANCELLED");
        given().when().post(path(approveUrl) + "/approve").then().statusCode(404);
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private long count(String sql, UUID order) {
        return database.preparedQuery(sql).execute(Tuple.of(order)).await().indefinitely().iterator().next().getLong(0);
    }
}

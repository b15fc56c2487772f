package io.mall.payment;

import static io.mall.payment.Fixtures.card;
import static io.mall.payment.Fixtures.cardToken;
import static io.mall.payment.Fixtures.charge;
import static io.mall.payment.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.RefundPayment;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Refunds, full and partial, never more than captured; by an administrator or the order saga. */
@QuarkusTest
class RefundTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID().toString());

    @Test
    void partialRefundsAddUpToTheCapturedAmountAndNoFurther() {
        String payment = capturedPayment(10_000);

        refund(payment, 4_000, "KRW", "one item arrived broken", UUID.randomUUID().toString()).then().statusCode(201)
                .body("status", equalTo("SUCCEEDED")).body("amountMinor", equalTo(4_000));
        refund(payment, 6_001, "KRW", "too much", UUID.randomUUID().toString()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("amountMinor"));
        refund(payment, 6_000, "KRW", "the rest", UUID.randomUUID().toString()).then().statusCode(201);

        given().auth().oauth2(ADMIN).when().get("/api/v1/payments/" + payment).then().statusCode(200)
                .body("status", equalTo("REFUNDED")).body("refundedMinor", equalTo(10_000)).body("refundableMinor", equalTo(0));
    }

    @Test
    void badRefundsAreProblemsAndChangeNothing() {
        String payment = capturedPayment(5_000);

        refund(payment, 1_000, "USD", "wrong currency", UUID.randomUUID().toString()).then().statusCode(422)
                .body("violations[0].field", equalTo("currency"));
        refund(payment, 0, "KRW", "nothing", UUID.randomUUID().toString()).then().statusCode(422)
                .body("violations[0].field", equalTo("amountMinor"));
        refund(payment, -5, "KRW", "negative", UUID.randomUUID().toString()).then().statusCode(422);
        refund(payment, 1_000, "KRW", " ", UUID.randomUUID().toString()).then().statusCode(422)
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("paymentId", payment, "amountMinor", 1_000, "currency", "KRW", "reason", "no key"))
                .when().post("/api/v1/refunds").then().statusCode(400);

        given().auth().oauth2(ADMIN).when().get("/api/v1/payments/" + payment).then().statusCode(200)
                .body("refundedMinor", equalTo(0)).body("refunds.size()", equalTo(0)).body("status", equalTo("CAPTURED"));
    }

    @Test
    void refundsRacingForTheLastWonGiveBackAtMostWhatWasCaptured() throws Exception {
        String payment = capturedPayment(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> refund(payment, 6_000, "KRW", "racing", UUID.randomUUID().toString()).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : pool.invokeAll(racers)) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        given().auth().oauth2(ADMIN).when().get("/api/v1/payments/" + payment).then().statusCode(200)
                .body("refundedMinor", equalTo(6_000));
    }

    @Test
    void theSameIdempotencyKeyRefundsOnce() {
        String payment = capturedPayment(8_000);
        String key = UUID.randomUUID().toString();

        String first = refund(payment, 3_000, "KRW", "late delivery", key).then().statusCode(201).extract().path("id");
        Response again = refund(payment, 3_000, "KRW", "late delivery", key);

        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(ADMIN).when().get("/api/v1/payments/" + payment).then().body("refundedMinor", equalTo(3_000));
    }

    @Test
    void theSagasRefundIsMadeOnceAndAnsweredAndOneAboveWhatIsLeftIsRefusedWithAReason() {
        UUID order = UUID.randomUUID();
        charge(card(order, UUID.randomUUID(), 20_000, cardToken(Fixtures.VISA)));
        event(order, EventTypes.PAYMENT_CAPTURED);
        RefundPayment refund = new RefundPayment(order, UUID.randomUUID(), 5_000L, "KRW", "a line was cancelled");

        UUID envelope = Fixtures.command(EventTypes.REFUND_PAYMENT, order, refund);
        Fixtures.command(EventTypes.REFUND_PAYMENT, order, refund);
        Fixtures.command(envelope, EventTypes.REFUND_PAYMENT, order, refund);
        Fixtures.command(EventTypes.REFUND_PAYMENT, order, new RefundPayment(order, UUID.randomUUID(), 15_001L, "KRW", "too much"));

        assertThat(event(order, EventTypes.PAYMENT_REFUNDED).getLong("data.refundedTotalMinor")).isEqualTo(5_000);
        assertThat(event(order, EventTypes.PAYMENT_REFUND_FAILED).getString("data.code")).isEqualTo("INVALID_REQUEST");
        String payment = event(order, EventTypes.PAYMENT_CAPTURED).getString("data.paymentId");
        given().auth().oauth2(ADMIN).when().get("/api/v1/payments/" + payment).then()
                .body("refundedMinor", equalTo(5_000)).body("refunds.size()", equalTo(1));
    }

    static String capturedPayment(long amountMinor) {
        UUID order = UUID.randomUUID();
        charge(card(order, UUID.randomUUID(), amountMinor, cardToken(Fixtures.VISA)));
        return event(order, EventTypes.PAYMENT_CAPTURED).getString("data.paymentId");
    }

    static Response refund(String payment, long amountMinor, String currency, String reason, String key) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("paymentId", payment, "amountMinor", amountMinor, "currency", currency, "reason", reason))
                .when().post("/api/v1/refunds");
    }
}

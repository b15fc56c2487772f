package io.mall.payment;

import static io.mall.payment.Fixtures.card;
import static io.mall.payment.Fixtures.cardToken;
import static io.mall.payment.Fixtures.charge;
import static io.mall.payment.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may see and do what: a shopper their own payments and cards, SUPPORT reads, ADMIN moves money. */
@QuarkusTest
class AccessTest {

    @Test
    void aShopperSeesOnlyTheirOwnPaymentsAndStaffSeeEveryones() {
        UUID shopper = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        charge(card(order, shopper, 2_000, cardToken(Fixtures.VISA)));
        String payment = event(order, EventTypes.PAYMENT_CAPTURED).getString("data.paymentId");
        String mine = TestTokens.customer(shopper.toString());
        String someoneElse = TestTokens.customer(UUID.randomUUID().toString());

        given().auth().oauth2(mine).when().get("/api/v1/payments/" + payment).then().statusCode(200);
        given().auth().oauth2(someoneElse).when().get("/api/v1/payments/" + payment).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/payments/" + payment)
                .then().statusCode(200);
        given().auth().oauth2(mine).when().get("/api/v1/payments").then().statusCode(200)
                .body("items.id", hasItem(payment)).body("total", equalTo(1));
        // asking for someone else's list gives one's own
        given().auth().oauth2(someoneElse).queryParam("userId", shopper).when().get("/api/v1/payments").then().statusCode(200)
                .body("items.id", not(hasItem(payment)));
        given().auth().oauth2(TestTokens.support("s-1")).queryParam("userId", shopper).when().get("/api/v1/payments")
                .then().statusCode(200).body("items.id", hasItem(payment));
        given().auth().oauth2(mine).when().get("/api/v1/payments/transactions").then().statusCode(200)
                .body("paymentId", hasItem(payment));
        given().when().get("/api/v1/payments/" + payment).then().statusCode(401);
    }

    @Test
    void onlyAnAdministratorRefundsCapturesOrCancels() {
        String payment = RefundTest.capturedPayment(3_000);
        Map<String, Object> refund = Map.of("paymentId", payment, "amountMinor", 1_000, "currency", "KRW", "reason", "goodwill");

        for (String token : new String[] { TestTokens.customer(UUID.randomUUID().toString()), TestTokens.support("s-2") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(refund).when().post("/api/v1/refunds").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of()).when().post("/api/v1/payments/" + payment + "/capture").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("reason", "no")).when().post("/api/v1/payments/" + payment + "/cancel").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "captured already")).when().post("/api/v1/payments/" + payment + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void savedCardsAreListedAndDeletedByTheirOwnerOnly() {
        String owner = TestTokens.customer(UUID.randomUUID().toString());
        String other = TestTokens.customer(UUID.randomUUID().toString());
        String token = cardToken("5555555555554444");

        String id = given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/api/v1/payments/cards").then().statusCode(201)
                .body("brand", equalTo("mastercard")).body("last4", equalTo("4444"))
                .body("$", not(org.hamcrest.Matchers.hasKey("token")))
                .extract().path("id");

        given().auth().oauth2(owner).when().get("/api/v1/payments/cards").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(other).when().get("/api/v1/payments/cards").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(other).when().delete("/api/v1/payments/cards/" + id).then().statusCode(404);
        given().auth().oauth2(owner).when().delete("/api/v1/payments/cards/" + id).then().statusCode(204);
        given().auth().oauth2(owner).when().get("/api/v1/payments/cards").then().body("id", not(hasItem(id)));
    }

    @Test
    void aMalformedCardNumberIsRefusedNamingTheFieldAndNeverRepeatingTheNumber() {
        String typed = "4242424242424241";
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("number", typed, "expMonth", 12, "expYear", 2031, "cvc", "123"))
                .when().post("/api/v1/payments/sandbox/tokens")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("number"))
                .extract().asString();

        assertThat(body).doesNotContain(typed).doesNotContain("42424242");
        given().contentType(ContentType.JSON).body(Map.of("number", Fixtures.VISA, "expMonth", 1, "expYear", 2020, "cvc", "123"))
                .when().post("/api/v1/payments/sandbox/tokens").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("number", Fixtures.VISA, "expMonth", 12, "expYear", 2031, "cvc", "12a"))
                .when().post("/api/v1/payments/sandbox/tokens").then().statusCode(422).body("violations[0].field", equalTo("cvc"));
    }
}

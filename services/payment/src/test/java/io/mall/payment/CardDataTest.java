package io.mall.payment;

import static io.mall.payment.Fixtures.card;
import static io.mall.payment.Fixtures.cardToken;
import static io.mall.payment.Fixtures.charge;
import static io.mall.payment.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A card number reaches the sandbox's card form and goes no further: after payments with every
 * test card, no table, event, answer or line of the service's log holds one. And one unreadable command does not stop the rest.
 */
@QuarkusTest
class CardDataTest {

    private static final List<String> NUMBERS = List.of("4242424242424242", "5555555555554444", "4000000000000002",
            "4000000000009995", "4000000000000069", "4000000000000119");

    @Inject
    Pool database;

    @Test
    void noCardNumberIsStoredPublishedAnsweredOrLoggedAfterPaymentsWithEveryTestCard() {
        UUID shopper = UUID.randomUUID();
        List<String> answers = new ArrayList<>();
        List<UUID> orders = new ArrayList<>();
        for (String number : NUMBERS) {
            answers.add(given().contentType(ContentType.JSON)
                    .body(Map.of("number", number.substring(0, 4) + " " + number.substring(4), "expMonth", 12, "expYear", 2031, "cvc", "123"))
                    .when().post("/api/v1/payments/sandbox/tokens").then().statusCode(201).extract().asString());
            UUID order = UUID.randomUUID();
            orders.add(order);
            String token = new io.restassured.path.json.JsonPath(answers.get(answers.size() - 1)).getString("token");
            charge(new io.mall.contracts.payment.ChargePayment(order, shopper, 1_500, "KRW", "CARD", token, null, true, null, false));
        }
        for (UUID order : orders) {
            anyAnswer(order);
            answers.add(given().auth().oauth2(TestTokens.admin("a-9")).queryParam("orderId", order).when().get("/api/v1/payments")
                    .then().statusCode(200).extract().asString());
        }
        answers.add(given().auth().oauth2(TestTokens.customer(shopper.toString())).when().get("/api/v1/payments/cards")
                .then().statusCode(200).extract().asString());

        List<String> stored = new ArrayList<>();
        for (String table : List.of("payments", "refunds", "payment_transactions", "saved_cards", "outbox", "sandbox_cards",
                "sandbox_charges", "sandbox_refunds", "idempotency_keys")) {
            for (Row row : database.query("SELECT t::text FROM " + table + " t").execute().await().indefinitely()) {
                stored.add(row.getString(0));
            }
        }
        List<String> published = new ArrayList<>();
        orders.forEach(order -> published.addAll(TestKafka.read(Topics.PAYMENT_EVENTS, order.toString(), list -> !list.isEmpty(),
                Duration.ofSeconds(10))));

        String log;
        try {
            log = java.nio.file.Files.readString(java.nio.file.Path.of("target/payment-test.log"));
        } catch (java.io.IOException e) {
            throw new AssertionError("the service's log (target/payment-test.log) cannot be read", e);
        }
        assertThat(log).as("the service's log").contains("POST /api/v1/payments/sandbox/tokens");
        for (String number : NUMBERS) {
            String middle = number.substring(4, 12);
            assertThat(log).as("the service's log").doesNotContain(number).doesNotContain(middle);
            assertThat(stored).as("stored rows").noneMatch(text -> text.contains(number) || text.contains(middle));
            assertThat(published).as("events").noneMatch(text -> text.contains(number) || text.contains(middle));
            assertThat(answers).as("answers").noneMatch(text -> text.contains(number) || text.contains(middle));
        }
        assertThat(stored).anyMatch(text -> text.contains("4242")); // the last four are kept, as they should be
    }

    @Test
    void anUnreadableCommandIsDeadLetteredAndTheNextIsCharged() {
        UUID order = UUID.randomUUID();
        TestKafka.send(Topics.PAYMENT_COMMANDS, order.toString(), "{\"type\": \"payment.charge\", \"data\": ");
        Fixtures.command(EventTypes.CHARGE_PAYMENT, order, Map.of("orderId", order.toString(), "amountMinor", -1));

        charge(card(order, UUID.randomUUID(), 4_000, cardToken(Fixtures.VISA)));

        assertThat(event(order, EventTypes.PAYMENT_CAPTURED).getLong("data.amountMinor")).isEqualTo(4_000);
        assertThat(TestKafka.deadLetters(Topics.PAYMENT_COMMANDS, order.toString(), "payment-commands", 2, Duration.ofSeconds(30)))
                .hasSize(2);
    }

    private static String anyAnswer(UUID order) {
        List<String> types = List.of(EventTypes.PAYMENT_CAPTURED, EventTypes.PAYMENT_FAILED);
        String found = TestKafka.read(Topics.PAYMENT_EVENTS, order.toString(),
                list -> list.stream().anyMatch(value -> types.contains(new io.restassured.path.json.JsonPath(value).getString("type"))),
                Duration.ofSeconds(30)).stream().map(value -> new io.restassured.path.json.JsonPath(value).getString("type"))
                .filter(types::contains).findFirst().orElseThrow(() -> new AssertionError("no answer about order " + order));
        return found;
    }
}

package io.mall.shipping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Quotes: weights from the product service (asked with this service's own token from the real user
 * service), priced by the fee schedule in force, which administrators change as new versions.
 */
@QuarkusTest
@QuarkusTestResource(ProductStub.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "shipping"))
class QuoteTest {

    @Test
    void aQuoteListsTheOptionsWithFeesAndDatesForTheParcelsWeight() {
        String a = sku();
        String b = sku();
        ProductStub.answers(List.of(a, b), List.of(new ProductStub.Sku(a, 800, false), new ProductStub.Sku(b, 1_500, false)));

        JsonPath quote = quote(Map.of("country", "KR", "postalCode", "06236", "line1", "서울특별시 강남구 테헤란로 152"),
                List.of(line(a, 2), line(b, 1)), 20_000).then().statusCode(200).extract().jsonPath();

        assertThat(quote.getLong("weightGrams")).isEqualTo(3_100);
        assertThat(quote.getInt("scheduleVersion")).isPositive();
        assertThat(quote.getList("options.option")).contains("STANDARD", "EXPRESS");
        assertThat(quote.getLong("options.find { it.option == 'STANDARD' }.fee")).isEqualTo(4_000);
        assertThat(quote.getLong("options.find { it.option == 'EXPRESS' }.fee")).isEqualTo(7_000);
        assertThat(quote.getString("options.find { it.option == 'STANDARD' }.promisedBy")).matches("\\d{4}-\\d{2}-\\d{2}");
        ProductStub.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/skus"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
    }

    @Test
    void jejuPaysItsSurchargeEvenWhenTheOrderShipsFree() {
        String a = sku();
        ProductStub.answers(List.of(a), List.of(new ProductStub.Sku(a, 1_000, false)));

        JsonPath quote = quote(Map.of("country", "KR", "postalCode", "63309", "line1", "제주특별자치도 제주시 첨단로 242"),
                List.of(line(a, 1)), 60_000).then().statusCode(200).extract().jsonPath();

        assertThat(quote.getLong("options.find { it.option == 'STANDARD' }.baseFee")).isZero();
        assertThat(quote.getLong("options.find { it.option == 'STANDARD' }.fee")).isEqualTo(3_000);
        assertThat(quote.getList("options.find { it.option == 'STANDARD' }.surcharges.name")).containsExactly("Jeju");
        assertThat(quote.getList("options.option")).doesNotContain("SAME_DAY");
    }

    @Test
    void aParcelAbroadIsQuotedByItsCountrysZoneWithStandardAndExpressOnly() {
        String a = sku();
        ProductStub.answers(List.of(a), List.of(new ProductStub.Sku(a, 450, false)));

        JsonPath quote = quote(Map.of("country", "DE", "postalCode", "10115", "city", "Berlin", "line1", "Hauptstr. 1"),
                List.of(line(a, 2)), 80_000).then().statusCode(200).extract().jsonPath();

        assertThat(quote.getLong("weightGrams")).isEqualTo(900);
        assertThat(quote.getList("options.option")).containsExactly("STANDARD", "EXPRESS");
        assertThat(quote.getLong("options.find { it.option == 'STANDARD' }.fee")).isEqualTo(31_000);
        assertThat(quote.getLong("options.find { it.option == 'EXPRESS' }.fee")).isEqualTo(46_000);
        assertThat(quote.getList("options.find { it.option == 'STANDARD' }.surcharges")).isEmpty();
    }

    @Test
    void badQuotesAreProblemsNamingTheField() {
        String known = sku();
        String unknown = sku();
        String weightless = sku();
        ProductStub.answers(List.of(unknown), List.of());
        ProductStub.answers(List.of(weightless), List.of(new ProductStub.Sku(weightless, 0, false)));
        ProductStub.answers(List.of(known), List.of(new ProductStub.Sku(known, 500, false)));
        Map<String, Object> seoul = Map.of("country", "KR", "postalCode", "06236", "line1", "테헤란로 152");

        quote(seoul, List.of(line(unknown, 1)), 1_000).then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].sku"));
        quote(seoul, List.of(line(weightless, 1)), 1_000).then().statusCode(422).body("violations[0].field", equalTo("weight"));
        quote(Map.of("country", "KR", "postalCode", "99999", "line1", "테헤란로 152"), List.of(line(known, 1)), 1_000)
                .then().statusCode(422).body("violations[0].field", equalTo("postalCode"));
        quote(seoul, List.of(line(known, 0)), 1_000).then().statusCode(422);
        quote(seoul, List.of(), 1_000).then().statusCode(422).body("violations[0].field", equalTo("lines"));
        Map<String, Object> dollars = body(seoul, List.of(line(known, 1)), 1_000);
        dollars.put("currency", "USD");
        given().contentType(ContentType.JSON).body(dollars).when().post("/api/v1/shipping/quotes").then().statusCode(422)
                .body("violations[0].field", equalTo("currency"));
    }

    @Test
    void withoutTheProductServiceAQuoteIsA503ToRetry() {
        String a = sku();
        ProductStub.failsFor(List.of(a));

        quote(Map.of("country", "KR", "postalCode", "06236", "line1", "테헤란로 152"), List.of(line(a, 1)), 1_000)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anAdministratorPublishesNewRulesAsTheNextVersionAndOthersMayNot() {
        JsonPath current = given().when().get("/api/v1/shipping/fee-schedule").then().statusCode(200).extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> rules = current.getMap("$");
        Map<String, Object> dearer = new HashMap<>(rules);
        dearer.put("freeAbove", 70_000);

        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).contentType(ContentType.JSON).body(dearer)
                .when().put("/api/v1/shipping/fee-schedule").then().statusCode(403);
        Map<String, Object> broken = new HashMap<>(rules);
        broken.put("bands", List.of(Map.of("maxGrams", 5_000, "fees", Map.of("capital", 1, "mainland", 1, "jeju", 1)),
                Map.of("maxGrams", 2_000, "fees", Map.of("capital", 1, "mainland", 1, "jeju", 1))));
        given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON).body(broken)
                .when().put("/api/v1/shipping/fee-schedule").then().statusCode(422).body("violations[0].field", equalTo("rules"));
        given().when().get("/api/v1/shipping/fee-schedule").then().body("version", equalTo(version));

        try {
            given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON).body(dearer)
                    .when().put("/api/v1/shipping/fee-schedule").then().statusCode(200)
                    .body("version", equalTo(version + 1)).body("freeAbove", equalTo(70_000));
            String a = sku();
            ProductStub.answers(List.of(a), List.of(new ProductStub.Sku(a, 1_000, false)));
            JsonPath quote = quote(Map.of("country", "KR", "postalCode", "48058", "line1", "센텀중앙로 79"), List.of(line(a, 1)), 60_000)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(quote.getInt("scheduleVersion")).isEqualTo(version + 1);
            assertThat(quote.getLong("options.find { it.option == 'STANDARD' }.fee")).isEqualTo(3_500);
            given().when().get("/api/v1/shipping/fee-schedules/" + version).then().statusCode(200).body("version", equalTo(version));
        } finally {
            // the rules other tests expect, in force again
            given().auth().oauth2(TestTokens.admin("a-1")).contentType(ContentType.JSON).body(rules)
                    .when().put("/api/v1/shipping/fee-schedule").then().statusCode(200);
        }
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private static Response quote(Map<String, Object> destination, List<Map<String, Object>> lines, long subtotal) {
        return given().contentType(ContentType.JSON).body(body(destination, lines, subtotal)).when().post("/api/v1/shipping/quotes");
    }

    private static Map<String, Object> body(Map<String, Object> destination, List<Map<String, Object>> lines, long subtotal) {
        Map<String, Object> body = new HashMap<>();
        body.put("destination", destination);
        body.put("lines", lines);
        body.put("subtotalMinor", subtotal);
        body.put("currency", "KRW");
        return body;
    }
}

package io.mall.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.product.StockReserved;
import io.mall.testing.TestTokens;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Staff's statistics: orders and revenue per day by status, the most sold products, the average order; a rebuild gives the same. */
@QuarkusTest
@QuarkusTestResource(Partners.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "order"))
class StatisticsTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID().toString());

    @Test
    void todaysTradeCountsEveryOrderByStatusAndOnlyTheSoldOnesRevenueAndARebuildGivesTheSame() {
        JsonPath before = stats(ADMIN);
        Shop shop = Shop.newShopper();
        String bestSeller = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Partners.sells(new Partners.Sku(bestSeller, 1_000, false));

        UUID sold = shop.placed(shop.order(Map.of(bestSeller, 500)));
        SagaPartners.answer(Topics.PRODUCT_EVENTS, EventTypes.STOCK_RESERVED, sold,
                new StockReserved(sold, List.of(new StockLine(bestSeller, 500)), Instant.now().plusSeconds(900)));
        SagaPartners.first(Topics.PAYMENT_COMMANDS, sold, EventTypes.CHARGE_PAYMENT);
        SagaPartners.answer(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, sold,
                new PaymentCaptured(UUID.randomUUID(), sold, 503_000, "KRW", "CARD"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(shop.status(sold)));
        UUID cancelled = shop.placed(shop.order(Map.of(bestSeller, 1)));
        given().auth().oauth2(shop.token()).contentType("application/json").body(Map.of("reason", "no")).when()
                .post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        JsonPath after = stats(TestTokens.support(UUID.randomUUID().toString()));
        assertThat(today(after, "orders") - today(before, "orders")).isEqualTo(2);
        assertThat(today(after, "byStatus.PAID") - today(before, "byStatus.PAID")).isEqualTo(1);
        assertThat(today(after, "byStatus.CANCELLED") - today(before, "byStatus.CANCELLED")).isEqualTo(1);
        assertThat(today(after, "revenue") - today(before, "revenue")).as("the cancelled order took nothing").isEqualTo(503_000);
        assertThat(after.getString("topProducts[0].productId")).isEqualTo("p-" + bestSeller);
        assertThat(after.getLong("topProducts[0].quantity")).isEqualTo(500);
        assertThat(after.getLong("averageOrderValue")).isPositive();

        given().auth().oauth2(ADMIN).when().post("/api/v1/orders/read-model/rebuild").then().statusCode(200);
        assertThat(stats(ADMIN).prettify()).isEqualTo(after.prettify());

        given().auth().oauth2(shop.token()).when().get("/api/v1/orders/stats").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("from", "2026-12-31").queryParam("to", "2026-01-01").when().get("/api/v1/orders/stats")
                .then().statusCode(422);
    }

    private static JsonPath stats(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/orders/stats").then().statusCode(200).extract().jsonPath();
    }

    /** A number of today's entry (0 when today has none yet). */
    private static long today(JsonPath stats, String field) {
        String day = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        Object value = stats.get("days.find { it.day == '" + day + "' }." + field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}

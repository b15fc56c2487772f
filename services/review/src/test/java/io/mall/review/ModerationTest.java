package io.mall.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The moderators' queue, their decisions with who and why, and the shop's replies. */
@QuarkusTest
class ModerationTest {

    private final String moderator = UUID.randomUUID().toString();
    private final String support = TestTokens.support(moderator);

    @Test
    void theQueueShowsWhatWaitsByStatusScoreProductAndReports() {
        String product = ReviewsTest.product();
        String held = Shop.delivered(product).write(product, 5, "", "최저가 판매 카톡 문의 주세요 www.cheap-mall.test").then().statusCode(201)
                .extract().path("id");
        String approved = Shop.delivered(product).reviewed(product, 4, "Nice and warm, the zip is a bit stiff.");

        JsonPath queue = queue(Map.of("productId", product));
        assertThat(queue.getList("items.id")).containsExactly(held);
        assertThat(queue.getString("items[0].moderation.orderId")).isNotBlank();
        assertThat(queue(Map.of("productId", product, "minScore", 0.9)).getList("items.id")).containsExactly(held);
        assertThat(queue(Map.of("productId", product, "maxScore", 0.5)).getList("items.id")).isEmpty();
        assertThat(queue(Map.of("productId", product, "status", "APPROVED")).getList("items.id")).containsExactly(approved);
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).contentType(ContentType.JSON).body(Map.of("reason", "rude"))
                .when().post("/api/v1/reviews/" + approved + "/reports").then().statusCode(202);
        assertThat(queue(Map.of("productId", product, "status", "APPROVED", "reported", true)).getList("items.id")).containsExactly(approved);
        assertThat(queue(Map.of("productId", product, "status", "APPROVED", "reported", false)).getList("items.id")).isEmpty();
    }

    @Test
    void aDecisionIsRecordedWithWhoAndWhyAndARejectionNeedsAReason() {
        String product = ReviewsTest.product();
        String review = Shop.delivered(product).write(product, 5, "", "최저가 판매 카톡 문의 주세요 www.cheap-mall.test").then().statusCode(201)
                .extract().path("id");

        decide(review, Map.of("status", "REJECTED")).then().statusCode(422).body("violations[0].field", equalTo("reason"));
        decide(review, Map.of("status", "DELETED", "reason", "x")).then().statusCode(422);
        decide(review, Map.of("status", "REJECTED", "reason", "advertises another shop")).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        decide(review, Map.of("status", "REJECTED", "reason", "again")).then().statusCode(409);

        JsonPath decided = given().auth().oauth2(support).when().get("/api/v1/reviews/" + review).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> decisions = decided.getList("moderation.decisions");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1)).containsEntry("status", "REJECTED").containsEntry("by", moderator)
                .containsEntry("reason", "advertises another shop");
        assertThat(ReviewsTest.list(product, "NEWEST", null, 0, 10).getList("items")).isEmpty();

        decide(review, Map.of("status", "APPROVED", "reason", "appeal")).then().statusCode(200);
        assertThat(ReviewsTest.list(product, "NEWEST", null, 0, 10).getList("items.id")).containsExactly(review);
    }

    @Test
    void theShopRepliesToAReviewAndReadersSeeTheReply() {
        String product = ReviewsTest.product();
        String review = Shop.delivered(product).reviewed(product, 2, "배송이 일주일 걸렸어요.");

        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().put("/api/v1/reviews/moderation/" + review + "/reply").then().statusCode(403);
        given().auth().oauth2(support).contentType(ContentType.JSON).body(Map.of("text", "불편을 드려 죄송합니다. 택배사와 확인하겠습니다."))
                .when().put("/api/v1/reviews/moderation/" + review + "/reply").then().statusCode(200);

        given().when().get("/api/v1/reviews/" + review).then().statusCode(200)
                .body("reply.text", equalTo("불편을 드려 죄송합니다. 택배사와 확인하겠습니다."));
    }

    private JsonPath queue(Map<String, Object> filters) {
        return given().auth().oauth2(support).queryParams(filters).when().get("/api/v1/reviews/moderation").then().statusCode(200)
                .extract().jsonPath();
    }

    private io.restassured.response.Response decide(String review, Map<String, Object> body) {
        return given().auth().oauth2(support).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/reviews/moderation/" + review + "/decision");
    }
}

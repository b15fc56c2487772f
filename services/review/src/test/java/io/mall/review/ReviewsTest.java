package io.mall.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Writing, reading, editing and taking back reviews; votes and reports. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "review"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class ReviewsTest {

    static String product() {
        return "p-" + UUID.randomUUID();
    }

    @Test
    void onlyAShopperWhoseOrderWasDeliveredReviewsItAndOnlyOncePerOrder() {
        String product = product();
        Shop buyer = Shop.delivered(product);
        Shop stranger = Shop.delivered(product());

        stranger.write(product, 5, "", "좋아요 정말 만족합니다").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("delivered"));
        // someone else's order is not theirs to review
        given().auth().oauth2(stranger.token()).contentType(ContentType.JSON)
                .body(Map.of("orderId", buyer.orderId(), "productId", product, "rating", 5, "text", "좋아요")).when().post("/api/v1/reviews")
                .then().statusCode(403);
        buyer.write(product, 5, "최고", "발볼이 넓어서 편해요. 사이즈는 정사이즈로 주문했어요.").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("verifiedPurchase", equalTo(true));
        buyer.write(product, 4, "", "한 번 더 써요").then().statusCode(409).contentType("application/problem+json");
        // the same product in another order may be reviewed again
        buyer.anotherOrder(product).write(product, 4, "", "두 번째 구매인데 여전히 좋네요.").then().statusCode(201);
        assertThat(given().auth().oauth2(buyer.token()).when().get("/api/v1/reviews/reviewable").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.orderId == '" + buyer.orderId() + "' }.reviewed")).containsExactly(true);
    }

    @Test
    void aProductsApprovedReviewsAreListedSortedFilteredAndPaged() {
        String product = product();
        String five = Shop.delivered(product).reviewed(product, 5, "The fabric is thick and the stitching neat; size M fits me well.");
        String one = Shop.delivered(product).reviewed(product, 1, "Broke after two days, the strap came off.");
        String three = Shop.delivered(product).reviewed(product, 3, "It is okay for the price, nothing special.");
        Shop voter = Shop.delivered(product());
        given().auth().oauth2(voter.token()).when().post("/api/v1/reviews/" + three + "/helpful").then().statusCode(200).body("helpful", equalTo(1));

        assertThat(list(product, "NEWEST", null, 0, 10).getList("items.id")).containsExactly(three, one, five);
        assertThat(list(product, "HIGHEST", null, 0, 10).getList("items.id")).containsExactly(five, three, one);
        assertThat(list(product, "LOWEST", null, 0, 10).getList("items.id")).containsExactly(one, three, five);
        assertThat(list(product, "HELPFUL", null, 0, 10).getList("items.id").get(0)).isEqualTo(three);
        assertThat(list(product, "NEWEST", 1, 0, 10).getList("items.id")).containsExactly(one);
        JsonPath second = list(product, "NEWEST", null, 1, 2);
        assertThat(second.getList("items.id")).containsExactly(five);
        assertThat(second.getLong("total")).isEqualTo(3);
        // readers see no author and no moderation
        assertThat(second.getString("items[0].status")).isNull();
        assertThat(second.getString("items[0].moderation")).isNull();
        assertThat(second.getString("items[0]")).doesNotContain("authorId");
    }

    @Test
    void readersVoteOnceEachNeverOnTheirOwnAndEnoughReportsSendItBackToTheModerators() {
        String product = product();
        Shop author = Shop.delivered(product);
        String review = author.reviewed(product, 4, "좋은 제품이에요. 색상이 사진이랑 같아요.");
        String reader = TestTokens.customer(UUID.randomUUID().toString());

        given().auth().oauth2(author.token()).when().post("/api/v1/reviews/" + review + "/helpful").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(reader).when().post("/api/v1/reviews/" + review + "/helpful").then().statusCode(200);
        given().auth().oauth2(reader).when().post("/api/v1/reviews/" + review + "/helpful").then().statusCode(409);
        given().when().post("/api/v1/reviews/" + review + "/helpful").then().statusCode(401);

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                    .body(Map.of("reason", "offensive")).when().post("/api/v1/reviews/" + review + "/reports").then().statusCode(202);
        }
        given().when().get("/api/v1/reviews/" + review).then().statusCode(404);
        given().auth().oauth2(author.token()).when().get("/api/v1/reviews/" + review).then().statusCode(200).body("status", equalTo("PENDING"));
        assertThat(list(product, "NEWEST", null, 0, 10).getList("items")).isEmpty();
    }

    @Test
    void itsAuthorEditsItAndTakesItBackAndNobodyElseCan() {
        String product = product();
        Shop author = Shop.delivered(product);
        String review = author.reviewed(product, 5, "처음엔 좋았어요.");
        Shop other = Shop.delivered(product());

        edit(other.token(), review, 1, "바꿔치기").then().statusCode(403);
        edit(author.token(), review, 2, "한 달 쓰니 실밥이 풀려요. 별 두 개로 바꿉니다.").then().statusCode(200).body("rating", equalTo(2))
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(other.token()).when().delete("/api/v1/reviews/" + review).then().statusCode(403);
        given().auth().oauth2(author.token()).when().delete("/api/v1/reviews/" + review).then().statusCode(204);
        given().auth().oauth2(author.token()).when().delete("/api/v1/reviews/" + review).then().statusCode(409);
        given().when().get("/api/v1/reviews/" + review).then().statusCode(404);
        // taken back, it still was the order's one review
        author.write(product, 5, "", "다시 쓸게요").then().statusCode(409);
    }

    @Test
    void spamIsHeldForTheModeratorsAndNotPublished() {
        String product = product();
        Shop spammer = Shop.delivered(product);

        JsonPath held = spammer.write(product, 5, "최저가", "정품 최저가 판매합니다!!! 카톡 문의 주세요 → www.cheap-mall.test 할인쿠폰 지급")
                .then().statusCode(201).extract().jsonPath();

        assertThat(held.getString("status")).isEqualTo("HELD");
        assertThat(list(product, "NEWEST", null, 0, 10).getList("items")).isEmpty();
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/reviews/" + held.getString("id")).then()
                .statusCode(200).body("moderation.spamSignals", org.hamcrest.Matchers.hasItems("link", "contact"))
                .body("moderation.decisions[0].by", equalTo("spam-filter"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        String product = product();
        Shop buyer = Shop.delivered(product);

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("orderId", buyer.orderId(), "productId", product, "rating", 6, "text", "ok"),
                Map.of("orderId", buyer.orderId(), "productId", product, "rating", 5, "text", " "),
                Map.of("orderId", buyer.orderId(), "productId", product, "rating", 5, "text", "x".repeat(5_001)),
                Map.of("orderId", buyer.orderId(), "productId", product, "rating", 5, "text", "ok", "images", List.of("http://img.test/a.jpg")),
                Map.of("orderId", buyer.orderId(), "productId", product, "rating", 5, "text", "ok", "images", List.of("javascript:alert(1)")),
                Map.of("productId", product, "rating", 5, "text", "ok"))) {
            given().auth().oauth2(buyer.token()).contentType(ContentType.JSON).body(body).when().post("/api/v1/reviews").then()
                    .statusCode(422).contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(buyer.token()).contentType(ContentType.JSON).body("{\"rating\": ").when().post("/api/v1/reviews").then()
                .statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/reviews").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/reviews?productId=" + product + "&sort=RANDOM").then().statusCode(404);
        given().when().get("/api/v1/reviews?productId=" + product + "&size=1000").then().statusCode(400);
        given().when().get("/api/v1/reviews/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        assertThat(list(product, "NEWEST", null, 0, 10).getList("items")).isEmpty();
        given().auth().oauth2(buyer.token()).when().get("/api/v1/reviews/reviewable").then().statusCode(200)
                .body("find { it.orderId == '" + buyer.orderId() + "' }.reviewed", equalTo(false));
        given().when().get("/api/v1/reviews/statistics?productId=" + product).then().statusCode(200).body("count", equalTo(0))
                .body("productId", equalTo(product)).body("histogram", org.hamcrest.Matchers.contains(0, 0, 0, 0, 0))
                .body("version", equalTo(0)).body("average", equalTo(0.0f)).body("missing", nullValue());
    }

    static JsonPath list(String product, String sort, Integer rating, int page, int size) {
        var request = given().queryParam("productId", product).queryParam("sort", sort).queryParam("page", page).queryParam("size", size);
        if (rating != null) {
            request = request.queryParam("rating", rating);
        }
        return request.when().get("/api/v1/reviews").then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response edit(String token, String review, int rating, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("rating", rating, "text", text)).when()
                .put("/api/v1/reviews/" + review);
    }
}

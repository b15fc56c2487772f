package io.mall.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.UserErased;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** An erased user's reviews stay, anonymous, and keep counting; what they bought is forgotten. */
@QuarkusTest
class ErasureTest {

    @Test
    void anErasedAuthorsReviewStaysWithoutTheAuthor() {
        String product = ReviewsTest.product();
        Shop author = Shop.delivered(product);
        String review = author.reviewed(product, 4, "튼튼하고 가벼워요. 추천합니다.");

        Shop.send(Topics.USER_EVENTS, EventTypes.USER_ERASED, author.shopper(), new UserErased(UUID.fromString(author.shopper())));

        String support = TestTokens.support(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(support).when().get("/api/v1/reviews/" + review).then()
                .statusCode(200).extract().jsonPath().getString("moderation.authorId") == null);
        assertThat(ReviewsTest.list(product, "NEWEST", null, 0, 10).getList("items.id")).containsExactly(review);
        assertThat(given().queryParam("productId", product).when().get("/api/v1/reviews/statistics").then().extract().jsonPath()
                .getLong("count")).isEqualTo(1);
        // their old token no longer makes them the author, and nothing is left to review
        given().auth().oauth2(author.token()).when().delete("/api/v1/reviews/" + review).then().statusCode(403);
        given().auth().oauth2(author.token()).when().get("/api/v1/reviews/reviewable").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}

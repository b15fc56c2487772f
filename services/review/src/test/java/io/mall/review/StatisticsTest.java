package io.mall.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.mall.contracts.Topics;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Each product's statistics follow its approved reviews, at once and under parallel load, as a recount finds them. */
@QuarkusTest
class StatisticsTest {

    private static final String ADMIN = TestTokens.admin(UUID.randomUUID().toString());

    @Test
    void fiftyApprovalsAtOnceGiveTheStatisticsARecountGives() throws Exception {
        String product = ReviewsTest.product();
        List<String> reviews = new ArrayList<>();
        // reviews that wait for a moderator: the same spam-like offer, each from its own shopper
        for (int i = 0; i < 50; i++) {
            reviews.add(Shop.delivered(product).write(product, 1 + i % 5, "", "최저가 판매 카톡 문의 주세요 www.cheap-mall.test " + i)
                    .then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String review : reviews) {
                answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("status", "APPROVED")).when().post("/api/v1/reviews/moderation/" + review + "/decision")
                        .then().extract().statusCode(), pool));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        JsonPath counted = statistics(product);
        assertThat(counted.getLong("count")).isEqualTo(50);
        assertThat(counted.getList("histogram", Long.class)).containsExactly(10L, 10L, 10L, 10L, 10L);
        assertThat(counted.getDouble("average")).isEqualTo(3.0);
        JsonPath recounted = given().auth().oauth2(ADMIN).queryParam("productId", product).when().post("/api/v1/reviews/statistics/recount")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recounted.getLong("count")).isEqualTo(counted.getLong("count"));
        assertThat(recounted.getList("histogram")).isEqualTo(counted.getList("histogram"));
        assertThat(recounted.getLong("version")).as("a recount that finds the same numbers writes nothing").isEqualTo(counted.getLong("version"));

        // the product service hears the newest statistics (and keeps the highest version, whatever order they come in)
        List<String> published = TestKafka.read(Topics.REVIEW_EVENTS, product,
                values -> values.stream().anyMatch(value -> new JsonPath(value).getLong("data.version") == counted.getLong("version")),
                Duration.ofSeconds(20));
        JsonPath newest = published.stream().map(JsonPath::new).max(java.util.Comparator.comparingLong(event -> event.getLong("data.version")))
                .orElseThrow();
        assertThat(newest.getString("type")).isEqualTo("review.stats-changed");
        assertThat(newest.getLong("data.count")).isEqualTo(50);
    }

    @Test
    void anEditAndATakenBackReviewMoveTheStatistics() {
        String product = ReviewsTest.product();
        Shop first = Shop.delivered(product);
        String review = first.reviewed(product, 5, "Great kettle, boils fast and quietly.");
        Shop.delivered(product).reviewed(product, 3, "Does the job, the lid is flimsy.");
        assertThat(statistics(product).getDouble("average")).isEqualTo(4.0);

        given().auth().oauth2(first.token()).contentType(ContentType.JSON).body(Map.of("rating", 1, "text", "Stopped working after a month."))
                .when().put("/api/v1/reviews/" + review).then().statusCode(200);
        assertThat(statistics(product).getDouble("average")).isEqualTo(2.0);
        given().auth().oauth2(first.token()).when().delete("/api/v1/reviews/" + review).then().statusCode(204);
        JsonPath after = statistics(product);
        assertThat(after.getLong("count")).isEqualTo(1);
        assertThat(after.getList("histogram", Long.class)).containsExactly(0L, 0L, 1L, 0L, 0L);
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).queryParam("productId", product).when()
                .post("/api/v1/reviews/statistics/recount").then().statusCode(403);
    }

    private static JsonPath statistics(String product) {
        return given().queryParam("productId", product).when().get("/api/v1/reviews/statistics").then().statusCode(200).extract().jsonPath();
    }
}

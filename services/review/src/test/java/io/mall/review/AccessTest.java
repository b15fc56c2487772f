package io.mall.review;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what: reading approved reviews is open; writing needs a shopper; moderation needs staff; a recount needs an admin. */
@QuarkusTest
class AccessTest {

    private final String customer = TestTokens.customer(UUID.randomUUID().toString());
    private final String support = TestTokens.support(UUID.randomUUID().toString());
    private final String admin = TestTokens.admin(UUID.randomUUID().toString());

    @Test
    void anyoneReadsApprovedReviewsAndStatistics() {
        given().when().get("/api/v1/reviews?productId=p-open").then().statusCode(200);
        given().when().get("/api/v1/reviews/statistics?productId=p-open").then().statusCode(200);
    }

    @Test
    void withoutATokenNothingIsWrittenAndABadTokenIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("orderId", "o", "productId", "p", "rating", 5, "text", "x")).when()
                .post("/api/v1/reviews").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/reviews/mine").then().statusCode(401);
        given().when().get("/api/v1/reviews/reviewable").then().statusCode(401);
        given().when().post("/api/v1/reviews/" + UUID.randomUUID() + "/helpful").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/api/v1/reviews/" + UUID.randomUUID() + "/reports")
                .then().statusCode(401);
        given().when().get("/api/v1/reviews/moderation").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByStranger(UUID.randomUUID().toString(), "ADMIN")).when().get("/api/v1/reviews/moderation")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID().toString(), "CUSTOMER")).when().get("/api/v1/reviews/mine")
                .then().statusCode(401);
    }

    @Test
    void shoppersDoNotModerateAndSupportDoesNotRecount() {
        given().auth().oauth2(customer).when().get("/api/v1/reviews/moderation").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customer).contentType(ContentType.JSON).body(Map.of("status", "APPROVED")).when()
                .post("/api/v1/reviews/moderation/" + UUID.randomUUID() + "/decision").then().statusCode(403);
        given().auth().oauth2(customer).when().post("/api/v1/reviews/statistics/recount-all").then().statusCode(403);
        given().auth().oauth2(support).when().get("/api/v1/reviews/moderation").then().statusCode(200);
        given().auth().oauth2(support).when().post("/api/v1/reviews/statistics/recount-all").then().statusCode(403);
        given().auth().oauth2(admin).when().get("/api/v1/reviews/moderation").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "APPROVED")).when()
                .post("/api/v1/reviews/moderation/" + UUID.randomUUID() + "/decision").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(support).queryParam("minScore", 2).when().get("/api/v1/reviews/moderation").then().statusCode(400);
    }
}

package io.mall.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.mall.testing.TestRun;
import io.mall.testing.UserServiceProcess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A shopper signs in at the real user service; this service accepts the token it issued. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "cart"),
        @ResourceArg(name = "servers", value = "redis,kafka") })
class UserTokensTest {

    private static UserServiceProcess userService;

    @BeforeAll
    static void startUserService() {
        userService = UserServiceProcess.start();
    }

    @AfterAll
    static void stopUserService() {
        if (userService != null) {
            userService.close();
        }
    }

    @Test
    void aTokenIssuedByTheUserServiceIsAccepted() {
        String email = "cart-" + TestRun.ID + "@mall.test";
        String id = given().baseUri(userService.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough secret", "displayName", "Kim"))
                .when().post("/api/v1/users")
                .then().statusCode(201).extract().path("id");
        String token = given().baseUri(userService.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough secret"))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("accessToken");

        given().auth().oauth2(token)
                .when().get("/test-probe/customer")
                .then().statusCode(200)
                .body("subject", equalTo(UUID.fromString(id).toString()))
                .body("upn", equalTo(email))
                .body("groups", hasItem("CUSTOMER"));
        given().auth().oauth2(token)
                .when().get("/test-probe/admin")
                .then().statusCode(403);
    }

    @Test
    void signingOutAtTheUserServiceEndsTheTokensAccessHereBeforeItExpires() {
        String email = "cart-out-" + TestRun.ID + "@mall.test";
        given().baseUri(userService.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough secret", "displayName", "Lee"))
                .when().post("/api/v1/users")
                .then().statusCode(201);
        var session = given().baseUri(userService.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough secret"))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
        String token = session.getString("accessToken");
        given().auth().oauth2(token).when().get("/api/v1/cart").then().statusCode(200);

        given().baseUri(userService.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", session.getString("refreshToken")))
                .when().post("/api/v1/auth/logout")
                .then().statusCode(204);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/cart")
                .then().statusCode(401).contentType("application/problem+json"));
    }
}

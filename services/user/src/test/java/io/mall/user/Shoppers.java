package io.mall.user;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.mall.testing.TestRun;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Accounts and sign-ins through the API, for tests that need someone to act as. */
final class Shoppers {

    static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Shoppers() {
    }

    /** An email no other test of any run has used. */
    static String newEmail() {
        return "shopper-" + TestRun.ID + "-" + SEQUENCE.incrementAndGet() + "@mall.test";
    }

    static Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", "김민지");
        body.put("phone", "+82 10 1234 5678");
        body.put("locale", "ko");
        return body;
    }

    /** Registers a new shopper and returns the account's id. */
    static UUID register(String email) {
        String id = given().contentType(ContentType.JSON).body(registration(email))
                .when().post("/api/v1/users")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    static JsonPath signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    static String accessToken(String email) {
        return signIn(email, PASSWORD).getString("accessToken");
    }

    /** A new shopper, signed in. */
    static Shopper newShopper() {
        String email = newEmail();
        UUID id = register(email);
        JsonPath tokens = signIn(email, PASSWORD);
        return new Shopper(id, email, tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }

    static String adminToken() {
        return signIn(UserTestResource.ADMIN_EMAIL, UserTestResource.ADMIN_PASSWORD).getString("accessToken");
    }

    record Shopper(UUID id, String email, String accessToken, String refreshToken) {
    }
}

package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class SessionTest {

    @Test
    void signInIssuesAnAccessTokenWithTheAgreedClaims() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        JsonPath tokens = Shoppers.signIn(shopper.email(), Shoppers.PASSWORD);

        JsonPath header = part(tokens.getString("accessToken"), 0);
        JsonPath claims = part(tokens.getString("accessToken"), 1);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isNotBlank();
        assertThat(claims.getString("iss")).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getString("sub")).isEqualTo(shopper.id().toString());
        assertThat(claims.getString("upn")).isEqualTo(shopper.email());
        assertThat(claims.getList("groups", String.class)).containsExactly("CUSTOMER");
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(15 * 60);
        assertThat(tokens.getLong("expiresIn")).isEqualTo(15 * 60);
        assertThat(tokens.getLong("refreshExpiresIn")).isEqualTo(30L * 24 * 60 * 60);
        assertThat(tokens.getString("refreshToken")).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        Response wrongPassword = signIn(shopper.email(), "not the password at all");
        Response unknownEmail = signIn(Shoppers.newEmail(), "not the password at all");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.jsonPath().getString("detail")).isEqualTo(unknownEmail.jsonPath().getString("detail"));
        assertThat(wrongPassword.contentType()).isEqualTo(unknownEmail.contentType());
    }

    @Test
    void everyRefreshRotatesTheToken() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        JsonPath next = refresh(shopper.refreshToken()).then().statusCode(200).extract().jsonPath();

        assertThat(next.getString("refreshToken")).isNotEqualTo(shopper.refreshToken());
        given().auth().oauth2(next.getString("accessToken")).when().get("/api/v1/users/me")
                .then().statusCode(200).body("email", equalTo(shopper.email()));
        refresh(next.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void aUsedRefreshTokenPresentedAgainEndsTheWholeSession() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String stolenCopy = shopper.refreshToken();
        String legitimate = refresh(shopper.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        refresh(stolenCopy).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("used before"));

        // the family is revoked: the token the rightful owner holds is dead too
        refresh(legitimate).then().statusCode(401);
    }

    @Test
    void twoRefreshesOfOneTokenAtOnceRotateItOnceAndTheOtherEndsTheSession() throws Exception {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = callers.invokeAll(List.of(
                    () -> refresh(shopper.refreshToken()), () -> refresh(shopper.refreshToken())));
            List<Response> responses = List.of(answers.get(0).get(), answers.get(1).get());

            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 401);
            Response refused = responses.stream().filter(answer -> answer.statusCode() == 401).findFirst().orElseThrow();
            assertThat(refused.jsonPath().getString("detail")).contains("used before");
            // the lock let one rotate; the other is a replay, which ends the session the winner got too
            String winner = responses.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow()
                    .jsonPath().getString("refreshToken");
            refresh(winner).then().statusCode(401);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void signingOutEndsTheSession() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", shopper.refreshToken()))
                .when().post("/api/v1/auth/logout")
                .then().statusCode(204);

        refresh(shopper.refreshToken()).then().statusCode(401);
    }

    @Test
    void unknownAndMalformedRefreshTokensAreRefused() {
        refresh("not-a-token-we-issued").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "x".repeat(101)))
                .when().post("/api/v1/auth/refresh")
                .then().statusCode(422).body("violations[0].field", equalTo("refreshToken"));
        given().contentType(ContentType.JSON).body("{\"refreshToken\": 42")
                .when().post("/api/v1/auth/refresh")
                .then().statusCode(400);
    }

    @Test
    void aBurstOfWrongPasswordsIsCheckedOnlyAsOftenAsTheThrottleAllows() throws Exception {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String address = randomAddress();
        double before = passwordChecks();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Integer>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = "wrong guess " + i;
                guesses.add(() -> signIn(shopper.email(), guess, address).statusCode());
            }
            for (var status : pool.invokeAll(guesses)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).hasSize(40).containsOnly(401);
        // the test profile lets 3 attempts of one account from one address through at once
        assertThat(passwordChecks() - before).isEqualTo(3.0);
    }

    @Test
    void whileThrottledTheRightPasswordGetsTheAnswerOfAWrongOneAndOnlyForAWhile() throws Exception {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            signIn(shopper.email(), "wrong password " + i, address).then().statusCode(401);
        }
        String wrong = signIn(shopper.email(), "wrong again", address).then().statusCode(401).extract().path("detail");

        signIn(shopper.email(), Shoppers.PASSWORD, address).then().statusCode(401)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body("detail", equalTo(wrong));
        // nobody elsewhere is slowed down by those guesses, and sessions go on being refreshed
        signIn(shopper.email(), Shoppers.PASSWORD, randomAddress()).then().statusCode(200);
        refresh(shopper.refreshToken()).then().statusCode(200);
        // a delay that grows, not a lock: after it, the right password works from there too
        Thread.sleep(2_000);
        signIn(shopper.email(), Shoppers.PASSWORD, address).then().statusCode(200);
    }

    private static io.restassured.response.Response signIn(String email, String password, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login");
    }

    private static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static double passwordChecks() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("mall_user_password_checks_total"))
                // "name value" and perhaps " # {trace} exemplar": the value is the second field
                .mapToDouble(line -> Double.parseDouble(line.split(" ")[1])).sum();
    }

    @Test
    void anAdministratorsLockStopsSignInAndRefreshUntilUnlocked() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String admin = Shoppers.adminToken();

        given().auth().oauth2(admin).when().put("/api/v1/users/" + shopper.id() + "/lock")
                .then().statusCode(200).body("locked", equalTo(true));

        signIn(shopper.email(), Shoppers.PASSWORD).then().statusCode(403)
                .body("detail", containsString("locked"));
        refresh(shopper.refreshToken()).then().statusCode(401);

        given().auth().oauth2(admin).when().delete("/api/v1/users/" + shopper.id() + "/lock")
                .then().statusCode(200).body("locked", equalTo(false));
        signIn(shopper.email(), Shoppers.PASSWORD).then().statusCode(200);
    }

    private static Response signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/v1/auth/refresh");
    }

    static JsonPath part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        return new JsonPath(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

}

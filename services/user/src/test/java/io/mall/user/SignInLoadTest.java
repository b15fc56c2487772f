package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * More sign-ins than the bcrypt threads and their queue take are turned away at once with a 503
 * problem, not queued for many seconds, and a shopper turned away loses nothing by it.
 */
@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
@TestProfile(SignInLoadTest.OneBcryptAtATime.class)
class SignInLoadTest {

    /** One bcrypt at a time and none waiting; a cost that makes each take a noticeable while. */
    public static class OneBcryptAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.user.bcrypt-threads", "1", "mall.user.bcrypt-waiting", "0", "mall.user.bcrypt-cost", "11");
        }
    }

    private static final int SHOPPERS = 8;

    @Test
    void signInsBeyondWhatTheBcryptThreadsTakeAreAnswered503AtOnceAndCostTheShopperNothing() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            String email = Shoppers.newEmail();
            Shoppers.register(email);
            emails.add(email);
        }

        List<Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(SHOPPERS);
        try {
            List<Callable<Response>> signIns = new ArrayList<>();
            for (int i = 0; i < SHOPPERS; i++) {
                String email = emails.get(i);
                String address = "10.9.0." + (i + 1);
                signIns.add(() -> signIn(email, address));
            }
            for (Future<Response> answer : pool.invokeAll(signIns)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(200, 503).contains(200, 503);
        for (Response refused : answers.stream().filter(answer -> answer.statusCode() == 503).toList()) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.jsonPath().getString("detail")).contains("too many sign-ins");
        }
        // turned away before the attempt was counted: each one, tried again alone, is let in
        for (int i = 0; i < SHOPPERS; i++) {
            if (statuses.get(i) == 503) {
                assertThat(signIn(emails.get(i), "10.9.0." + (i + 1)).statusCode()).isEqualTo(200);
            }
        }
    }

    private static Response signIn(String email, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Shoppers.PASSWORD))
                .when().post("/api/v1/auth/login");
    }
}

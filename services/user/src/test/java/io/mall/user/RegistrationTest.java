package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class RegistrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registersAShopperWithANormalisedEmailAndTheCustomerRole() {
        String email = Shoppers.newEmail();
        Map<String, Object> body = Shoppers.registration("  " + email.toUpperCase() + " ");

        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/users/"))
                .body("email", equalTo(email))
                .body("displayName", equalTo("김민지"))
                .body("phone", equalTo("+82 10 1234 5678"))
                .body("locale", equalTo("ko"))
                .body("roles", equalTo(List.of("CUSTOMER")))
                .body("password", equalTo(null))
                .body("passwordHash", equalTo(null))
                .extract().path("id");

        given().auth().oauth2(Shoppers.accessToken(email))
                .when().get("/api/v1/users/me")
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void theRegisteredEventCarriesTheTraceOfTheRegistration() {
        String traceId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1).array());

        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Shoppers.registration(Shoppers.newEmail()))
                .when().post("/api/v1/users")
                .then().statusCode(201).extract().path("id");

        List<io.restassured.path.json.JsonPath> events = UserEvents.about(java.util.UUID.fromString(id),
                io.mall.contracts.EventTypes.USER_REGISTERED, java.time.Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).getString("traceparent")).startsWith("00-" + traceId + "-");
        assertThat(events.get(0).getString("source")).isEqualTo("user");
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        String email = Shoppers.newEmail();
        Shoppers.register(email);

        given().contentType(ContentType.JSON).body(Shoppers.registration(email.replace("shopper", "SHOPPER")))
                .when().post("/api/v1/users")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("exists already"));
    }

    @Test
    void passwordsThatBreakThePolicyAreRefusedNamingThePassword() {
        String email = Shoppers.newEmail();
        Map<String, String> refused = Map.of(
                "short123456", "at least 12 characters",
                email, "must not be the email address",
                email.substring(0, email.indexOf('@')), "must not be the email address",
                "012345678910", "most common passwords");
        refused.forEach((password, reason) -> {
            Map<String, Object> body = Shoppers.registration(email);
            body.put("password", password);
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/users")
                    .then().statusCode(422)
                    .contentType(PROBLEM)
                    .body("violations.field", hasItem("password"))
                    .body("violations.message", hasItem(containsString(reason)));
        });
        assertNoAccount(email);
    }

    @Test
    void badFieldsAreRefusedNamingEachAndNothingIsStored() {
        String email = Shoppers.newEmail();
        Map<String, Object> badFields = Map.of(
                "email", "not-an-email",
                "displayName", "x".repeat(101),
                "phone", "call me maybe");
        badFields.forEach((field, value) -> {
            Map<String, Object> body = Shoppers.registration(field.equals("email") ? "not-an-email" : email);
            body.put(field, value);
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/users")
                    .then().statusCode(422)
                    .contentType(PROBLEM)
                    .body("violations.field", hasItem(field));
        });
        Map<String, Object> blankName = Shoppers.registration(email);
        blankName.put("displayName", " ");
        given().contentType(ContentType.JSON).body(blankName)
                .when().post("/api/v1/users")
                .then().statusCode(422).body("violations.field", hasItem("displayName"));
        assertNoAccount(email);
    }

    @Test
    void malformedBodiesAreBadRequests() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.co\", \"password\": ")
                .when().post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.co\", \"password\": \"long enough pass\", "
                + "\"displayName\": \"A\", \"locale\": \"fr\"}")
                .when().post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("locale"));
        given().contentType(ContentType.JSON).body("{\"email\": [\"a@b.co\"], \"password\": \"long enough pass\"}")
                .when().post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("email"));
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void ofSimultaneousRegistrationsOfOneEmailExactlyOneSucceeds() throws Exception {
        String email = Shoppers.newEmail();
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                registrations.add(() -> given().contentType(ContentType.JSON).body(Shoppers.registration(email))
                        .when().post("/api/v1/users")
                        .then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(registrations)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Shoppers.adminToken()).queryParam("q", email)
                .when().get("/api/v1/users")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", notNullValue());
    }

    private static void assertNoAccount(String email) {
        given().auth().oauth2(Shoppers.adminToken()).queryParam("q", email)
                .when().get("/api/v1/users")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aLongKoreanPasswordWorksWholeNotCutAtBcryptsSeventyTwoBytes() {
        String email = Shoppers.newEmail();
        String password = "가나다라마바사아자차".repeat(4) + "끝";
        Map<String, Object> body = Shoppers.registration(email);
        body.put("password", password);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/users").then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login").then().statusCode(200);
        // the same first 72 bytes, another ending: a different password
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "가나다라마바사아자차".repeat(4) + "다"))
                .when().post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void aPasswordHashedBeforePreHashingStillSignsInAndIsUpgradedThen() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        // bcrypt of the raw password, as an earlier version wrote it (Quarkus's Elytron BcryptUtil, cost 4)
        String legacy = "$2a$04$iRELjNBj.zOOAI3Ddpe15Oz/GeFCsBhH8HTODR7D5AVJbFpaN6AGO";
        Database.query("UPDATE users SET password_hash = '" + legacy + "' WHERE id = '" + shopper.id() + "' RETURNING id");

        given().contentType(ContentType.JSON).body(Map.of("email", shopper.email(), "password", Shoppers.PASSWORD))
                .when().post("/api/v1/auth/login").then().statusCode(200);

        assertThat(Database.query("SELECT password_hash FROM users WHERE id = '" + shopper.id() + "'").get(0))
                .startsWith("hmac-sha256-bcrypt:");
        given().contentType(ContentType.JSON).body(Map.of("email", shopper.email(), "password", Shoppers.PASSWORD))
                .when().post("/api/v1/auth/login").then().statusCode(200);
    }
}

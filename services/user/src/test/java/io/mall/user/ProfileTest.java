package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class ProfileTest {

    @Test
    void aShopperReadsAndUpdatesTheirProfile() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Minji Kim", "phone", "", "locale", "en"))
                .when().patch("/api/v1/users/me")
                .then().statusCode(200)
                .body("displayName", equalTo("Minji Kim"))
                .body("phone", nullValue())
                .body("locale", equalTo("en"));

        given().auth().oauth2(shopper.accessToken())
                .when().get("/api/v1/users/me")
                .then().statusCode(200)
                .body("displayName", equalTo("Minji Kim"))
                .body("email", equalTo(shopper.email()));
    }

    @Test
    void aBadProfileUpdateChangesNothing() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "New name", "phone", "12"))
                .when().patch("/api/v1/users/me")
                .then().statusCode(422).body("violations.field", hasItem("phone"));
        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body("{\"displayName\": {\"first\": \"x\"}}")
                .when().patch("/api/v1/users/me")
                .then().statusCode(400).body("violations.field", hasItem("displayName"));

        given().auth().oauth2(shopper.accessToken())
                .when().get("/api/v1/users/me")
                .then().statusCode(200).body("displayName", equalTo("김민지"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        JsonPath otherDevice = Shoppers.signIn(shopper.email(), Shoppers.PASSWORD);

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not my password", "newPassword", "a brand new secret"))
                .when().put("/api/v1/users/me/password")
                .then().statusCode(422).body("violations[0].field", equalTo("currentPassword"));
        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Shoppers.PASSWORD, "newPassword", "1234567890"))
                .when().put("/api/v1/users/me/password")
                .then().statusCode(422).body("violations[0].field", equalTo("newPassword"));

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Shoppers.PASSWORD, "newPassword", "a brand new secret"))
                .when().put("/api/v1/users/me/password")
                .then().statusCode(204);

        refresh(otherDevice.getString("refreshToken")).then().statusCode(401);
        refresh(shopper.refreshToken()).then().statusCode(200);
        Shoppers.signIn(shopper.email(), "a brand new secret");
        given().contentType(ContentType.JSON).body(Map.of("email", shopper.email(), "password", Shoppers.PASSWORD))
                .when().post("/api/v1/auth/login").then().statusCode(401);
        // the owner is told of the change and of each sign-in (three: the first, the other device, the new password's),
        // and the refused attempts tell nothing
        List<JsonPath> events = UserEvents.about(shopper.id(), "user.password-changed", Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> UserEvents.about(shopper.id(), "user.signed-in", Duration.ofSeconds(1))
                .stream().filter(e -> "user.signed-in".equals(e.getString("type"))).count() >= 3);
        assertThat(events.stream().filter(e -> "user.password-changed".equals(e.getString("type"))))
                .singleElement().satisfies(e -> assertThat(e.getMap("data")).containsOnlyKeys("userId", "at"));
        assertThat(UserEvents.about(shopper.id(), "user.signed-in", Duration.ofSeconds(1)).stream()
                .filter(e -> "user.signed-in".equals(e.getString("type")))).hasSize(3);
    }

    @Test
    void personalDataIsStoredEncrypted() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        List<String> stored = Database.query("SELECT display_name_cipher || ' ' || phone_cipher FROM users WHERE id = '"
                + shopper.id() + "'");

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).startsWith("test:").doesNotContain("김민지").doesNotContain("1234");
    }

    @Test
    void aShopperExportsEverythingHeldAboutThem() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().auth().oauth2(shopper.accessToken())
                .when().get("/api/v1/users/me/export")
                .then().statusCode(200)
                .body("account.email", equalTo(shopper.email()))
                .body("account.displayName", equalTo("김민지"))
                .body("account.phone", equalTo("+82 10 1234 5678"))
                .body("sessions", hasSize(1));
    }

    @Test
    void erasingAnAccountForgetsThePersonEndsSessionsAndTellsTheOtherServices() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON).body(Map.of("password", Shoppers.PASSWORD))
                .when().delete("/api/v1/users/me").then().statusCode(204);

        // the session's access token is refused once the revocation is read (until then: no account)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(shopper.accessToken()).when().get("/api/v1/users/me").then().statusCode(401));
        // nor can another service learn the person's contact details any more
        given().auth().oauth2(io.mall.testing.TestTokens.service("notification")).when().get("/internal/users/" + shopper.id())
                .then().statusCode(404).contentType("application/problem+json");
        refresh(shopper.refreshToken()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", shopper.email(), "password", Shoppers.PASSWORD))
                .when().post("/api/v1/auth/login").then().statusCode(401);
        List<String> stored = Database.query("SELECT email || ' ' || coalesce(display_name_cipher, '-') || ' '"
                + " || coalesce(phone_cipher, '-') || ' ' || coalesce(password_hash, '-') FROM users WHERE id = '" + shopper.id() + "'");
        assertThat(stored).containsExactly("erased-" + shopper.id() + "@erased.invalid - - -");
        // the email is free again
        Shoppers.register(shopper.email());

        List<JsonPath> events = UserEvents.about(shopper.id(), "user.erased", Duration.ofSeconds(20));
        assertThat(events).extracting(e -> e.getString("type"))
                .containsExactly("user.registered", "user.signed-in", "user.sessions-revoked", "user.erased");
        assertThat(events.get(3).getString("data.userId")).isEqualTo(shopper.id().toString());
        assertThat(events.get(3).getString("source")).isEqualTo("user");
    }

    @Test
    void registrationAndUpdatesArePublishedOnceEach() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("locale", "en"))
                .when().patch("/api/v1/users/me").then().statusCode(200);

        List<JsonPath> events = UserEvents.about(shopper.id(), "user.updated", Duration.ofSeconds(20));

        assertThat(events).extracting(e -> e.getString("type")).containsExactly("user.registered", "user.signed-in", "user.updated");
        // ids and facts only: nothing an erasure could not take back
        assertThat(events.get(0).getMap("data")).containsOnlyKeys("userId", "locale");
        assertThat(events.get(1).getMap("data")).containsOnlyKeys("userId", "sessionId", "at");
        assertThat(events.get(2).getMap("data")).containsOnlyKeys("userId", "locale", "roles", "locked");
        assertThat(events.get(2).getString("data.locale")).isEqualTo("en");
        // whoever needs the contact details asks for them, as a service
        given().auth().oauth2(io.mall.testing.TestTokens.service("notification")).when().get("/internal/users/" + shopper.id())
                .then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(shopper.email()))
                .body("displayName", org.hamcrest.Matchers.equalTo("김민지"))
                .body("phone", org.hamcrest.Matchers.equalTo("+82 10 1234 5678"))
                .body("locale", org.hamcrest.Matchers.equalTo("en"));
        assertThat(events).extracting(e -> e.getString("id")).doesNotHaveDuplicates();
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/v1/auth/refresh");
    }

    @Test
    void parallelProfileChangesAreEachSavedOrRefusedAsAConflictNeverAFailure() throws Exception {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Integer>> changes = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "parallel " + i;
                changes.add(() -> given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                        .body(Map.of("displayName", name)).when().patch("/api/v1/users/me").statusCode());
            }
            for (var status : pool.invokeAll(changes)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        assertThat(given().auth().oauth2(shopper.accessToken()).when().get("/api/v1/users/me").then().statusCode(200)
                .extract().path("displayName").toString()).startsWith("parallel ");
    }

    @Test
    void erasureNeedsTheCurrentPasswordAndGuessingItIsThrottledAsSigningInIs() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String address = "10.20." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + ".7";
        // a stolen session alone cannot erase the account
        assertThat(given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON).when().delete("/api/v1/users/me")
                .then().contentType("application/problem+json").extract().statusCode()).isIn(400, 422);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(shopper.accessToken()).header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("password", "not the password " + i)).when().delete("/api/v1/users/me")
                    .then().statusCode(422).body("violations[0].field", equalTo("password"));
        }

        // throttled now: even the right password gets the answer of a wrong one, and nothing is erased
        given().auth().oauth2(shopper.accessToken()).header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("password", Shoppers.PASSWORD)).when().delete("/api/v1/users/me")
                .then().statusCode(422).body("violations[0].message", equalTo("is not the account's password"));
        given().auth().oauth2(shopper.accessToken()).when().get("/api/v1/users/me").then().statusCode(200);
    }
}

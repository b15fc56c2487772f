package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An ended session's access tokens stop working before they expire: the service announces the
 * session on {@code user.events}, and every service (this one too) refuses its tokens from then on.
 */
@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class RevokedSessionTest {

    @Test
    void signingOutRevokesThatSessionsAccessTokensAndNoOther() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        JsonPath otherSession = Shoppers.signIn(shopper.email(), Shoppers.PASSWORD);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", shopper.refreshToken()))
                .when().post("/api/v1/auth/logout").then().statusCode(204);

        JsonPath announced = revocation(shopper.id());
        assertThat(announced.getList("data.sessionIds", String.class)).containsExactly(session(shopper.accessToken()));
        assertThat(announced.getString("data.userId")).isEqualTo(shopper.id().toString());
        long expiry = SessionTest.part(shopper.accessToken(), 1).getLong("exp");
        assertThat(Instant.parse(announced.getString("data.tokensExpireBy")).getEpochSecond()).isGreaterThanOrEqualTo(expiry);
        awaitRefused(shopper.accessToken());
        me(otherSession.getString("accessToken")).then().statusCode(200);
    }

    @Test
    void aTokenAlreadyInUseIsRefusedOnceItsSessionIsSignedOut() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        // used, so this service keeps it as verified and gives it its identity without checking it again
        me(shopper.accessToken()).then().statusCode(200);
        me(shopper.accessToken()).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", shopper.refreshToken()))
                .when().post("/api/v1/auth/logout").then().statusCode(204);

        awaitRefused(shopper.accessToken());
    }

    @Test
    void aReusedRefreshTokenRevokesTheAccessTokensOfItsSession() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        JsonPath next = refresh(shopper.refreshToken()).then().statusCode(200).extract().jsonPath();

        refresh(shopper.refreshToken()).then().statusCode(401);

        awaitRefused(next.getString("accessToken"));
        awaitRefused(shopper.accessToken());
    }

    @Test
    void anAdministratorsLockRevokesEverySessionOfTheAccount() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String second = Shoppers.accessToken(shopper.email());

        given().auth().oauth2(Shoppers.adminToken()).when().put("/api/v1/users/" + shopper.id() + "/lock")
                .then().statusCode(200);

        assertThat(revocation(shopper.id()).getList("data.sessionIds", String.class))
                .containsExactlyInAnyOrder(session(shopper.accessToken()), session(second));
        awaitRefused(shopper.accessToken());
        awaitRefused(second);
    }

    @Test
    void aRoleChangeRevokesTheTokensThatCarryTheOldRolesAndTheNextSignInCarriesTheNew() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String admin = Shoppers.adminToken();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("SUPPORT")))
                .when().put("/api/v1/users/" + shopper.id() + "/roles").then().statusCode(200);

        awaitRefused(shopper.accessToken());
        refresh(shopper.refreshToken()).then().statusCode(401);
        String fresh = Shoppers.accessToken(shopper.email());
        assertThat(SessionTest.part(fresh, 1).getList("groups", String.class)).containsExactlyInAnyOrder("CUSTOMER", "SUPPORT");
        given().auth().oauth2(fresh).when().get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void settingTheRolesAnAccountHasAlreadyEndsNoSession() {
        Shoppers.Shopper shopper = Shoppers.newShopper();

        given().auth().oauth2(Shoppers.adminToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of("CUSTOMER")))
                .when().put("/api/v1/users/" + shopper.id() + "/roles").then().statusCode(200);

        List<JsonPath> events = UserEvents.about(shopper.id(), EventTypes.USER_UPDATED, Duration.ofSeconds(20));
        assertThat(events).extracting(event -> event.getString("type")).doesNotContain(EventTypes.USER_SESSIONS_REVOKED);
        refresh(shopper.refreshToken()).then().statusCode(200);
        me(shopper.accessToken()).then().statusCode(200);
    }

    @Test
    void aPasswordChangeRevokesEveryOtherSessionButNotTheOneThatChangedIt() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String elsewhere = Shoppers.accessToken(shopper.email());

        given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Shoppers.PASSWORD, "newPassword", "another long passphrase"))
                .when().put("/api/v1/users/me/password").then().statusCode(204);

        assertThat(revocation(shopper.id()).getList("data.sessionIds", String.class)).containsExactly(session(elsewhere));
        awaitRefused(elsewhere);
        me(shopper.accessToken()).then().statusCode(200);
    }

    private static JsonPath revocation(UUID userId) {
        return UserEvents.about(userId, EventTypes.USER_SESSIONS_REVOKED, Duration.ofSeconds(20)).stream()
                .filter(event -> EventTypes.USER_SESSIONS_REVOKED.equals(event.getString("type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + EventTypes.USER_SESSIONS_REVOKED + " about " + userId));
    }

    private static void awaitRefused(String accessToken) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> me(accessToken).then()
                .statusCode(401).contentType("application/problem+json"));
    }

    private static io.restassured.response.Response me(String accessToken) {
        return given().auth().oauth2(accessToken).when().get("/api/v1/users/me");
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/v1/auth/refresh");
    }

    private static String session(String accessToken) {
        return SessionTest.part(accessToken, 1).getString("sid");
    }
}

package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Services get short-lived tokens with the client-credentials grant; only registered clients with their secret do. */
@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class ServiceTokenTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CLIENT = UserTestResource.SERVICE_CLIENT;
    private static final String SECRET = UserTestResource.SERVICE_SECRET;

    @Test
    void aRegisteredClientGetsAServiceTokenWithHttpBasic() {
        JsonPath answer = given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .extract().jsonPath();

        JsonPath claims = claims(answer.getString("access_token"));
        assertThat(claims.getString("sub")).isEqualTo(CLIENT);
        assertThat(claims.getList("groups", String.class)).containsExactly("SERVICE");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300);
    }

    @Test
    void theClientMaySendItsCredentialsInTheFormInstead() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", CLIENT).formParam("client_secret", SECRET)
                .when().post("/api/v1/auth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"));
    }

    @Test
    void aServiceTokenOpensServiceEndpointsAndNoShoppersOnes() {
        String token = given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).when().get("/test-probe/service")
                .then().statusCode(200).body("subject", equalTo(CLIENT)).body("groups", hasItem("SERVICE"));
        given().auth().oauth2(token).when().get("/api/v1/users/me").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void aWrongSecretAndAnUnknownClientGetTheSameRefusal() {
        String wrongSecret = given().auth().preemptive().basic(CLIENT, SECRET + "x").formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Basic realm=\"mall\"")
                .extract().path("detail");
        String unknownClient = given().auth().preemptive().basic("payment", SECRET).formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .extract().path("detail");

        assertThat(wrongSecret).isEqualTo("the client id or secret is wrong").isEqualTo(unknownClient);
    }

    @Test
    void missingOrMalformedCredentialsAreRefused() {
        given().formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401).contentType(PROBLEM).body("detail", equalTo("client credentials are missing"));
        given().header("Authorization", "Basic !!!").formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(CLIENT.getBytes(StandardCharsets.UTF_8)))
                .formParam("grant_type", "client_credentials")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401).contentType(PROBLEM).body("detail", equalTo("the Basic authorization has no secret"));
    }

    @Test
    void onlyTheClientCredentialsGrantIsOffered() {
        given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "password")
                .when().post("/api/v1/auth/token")
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("grant_type"));
        given().auth().preemptive().basic(CLIENT, SECRET)
                .when().post("/api/v1/auth/token")
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("grant_type"));
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}

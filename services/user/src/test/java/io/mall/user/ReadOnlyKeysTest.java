package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where the signing keys are a read-only Secret (Kubernetes), rotation on demand is a conflict that says how to rotate. */
@QuarkusTest
@TestProfile(ReadOnlyKeysTest.KeysFromASecret.class)
class ReadOnlyKeysTest {

    public static class KeysFromASecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.user.signing-keys.read-only", "true");
        }
    }

    @Test
    void rotationOnDemandIsAConflictAndTheKeysStayAsTheyWere() {
        List<String> before = given().when().get("/api/v1/auth/jwks").then().statusCode(200).extract().path("keys.kid");

        given().auth().oauth2(Shoppers.adminToken()).when().post("/api/v1/auth/keys/rotation")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("adding a key to the Secret"));

        given().when().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys.kid", org.hamcrest.Matchers.equalTo(before));
    }
}

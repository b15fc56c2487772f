package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class KeysTest {

    @Test
    void theJwksPublishesPublicKeysOnly() {
        List<Map<String, Object>> keys = given().when().get("/api/v1/auth/jwks")
                .then().statusCode(200).extract().jsonPath().getList("keys");

        assertThat(keys).isNotEmpty();
        for (Map<String, Object> key : keys) {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                    .containsKeys("kid", "n", "e")
                    .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        }
    }

    @Test
    void afterARotationTheNewKeySignsAndTokensOfTheOldOneStillVerify() throws InterruptedException {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        String before = shopper.accessToken();
        String oldKey = SessionTest.part(before, 0).getString("kid");

        String newKey = given().auth().oauth2(Shoppers.adminToken())
                .when().post("/api/v1/auth/keys/rotation")
                .then().statusCode(200).extract().path("signingKey");

        assertThat(newKey).isNotEqualTo(oldKey);
        List<String> published = given().when().get("/api/v1/auth/jwks").then().extract().jsonPath().getList("keys.kid");
        assertThat(published).contains(oldKey, newKey);

        // the verifier (jose4j) refreshes a JWKS at most once in 300 ms; a fresh application may have loaded it just now
        Thread.sleep(500);
        String after = Shoppers.accessToken(shopper.email());
        assertThat(SessionTest.part(after, 0).getString("kid")).isEqualTo(newKey);
        given().auth().oauth2(after).when().get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(shopper.email()));
        given().auth().oauth2(before).when().get("/api/v1/users/me").then().statusCode(200);
    }
}

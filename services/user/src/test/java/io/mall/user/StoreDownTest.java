package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.testing.LocalServers;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With its database out of reach, the service answers 503 problems with Retry-After, never 500. */
@QuarkusTest
@TestProfile(StoreDownTest.OutOfReach.class)
class StoreDownTest {

    /** Its own application, without the other tests' resources (which would make an administrator at start). */
    public static class OutOfReach implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseOutOfReach.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The schema is migrated (over JDBC, at start); then every request's pool points at a closed port. */
    public static class DatabaseOutOfReach extends UserTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.remove("mall.user.admin.email");
            config.remove("mall.user.admin.password");
            config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + LocalServers.freePort() + "/mall_user");
            return config;
        }

    }

    @Test
    void readsAndWritesAreA503ProblemToRetry() {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID().toString())).when().get("/api/v1/users/me")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", equalTo("a store this service needs cannot be reached; try again shortly"));
        given().contentType(ContentType.JSON).body(Map.of("email", "down@mall.test", "password", "a long enough secret"))
                .when().post("/api/v1/auth/login")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5");
    }
}

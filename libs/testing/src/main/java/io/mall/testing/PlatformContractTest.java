package io.mall.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What every Mall service does before it does anything of its own: health, metrics, OpenAPI,
 * RFC 9457 problem responses and JWT verification. A service's test extends this class and is
 * annotated {@code @QuarkusTest} with {@link MallTestResource}.
 */
public abstract class PlatformContractTest {

    protected static final String PROBLEM_JSON = "application/problem+json";

    /** Names of the readiness checks this service must report, one per store it uses. */
    protected abstract Set<String> readinessChecks();

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksEveryStore() {
        List<String> names = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .extract().jsonPath().getList("checks.name", String.class);

        assertThat(names).containsAll(readinessChecks());
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    /** The latency alert takes p99 from these buckets; without them it would have nothing to read. */
    @Test
    void requestTimesAreCountedIntoTheLatencyObjectivesBuckets() {
        given().accept(ContentType.JSON).when().get("/api/v1/no-such-thing").then().statusCode(404);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
                .filter(line -> line.contains("le=\"0.25\"") || line.contains("le=\"2.5\"")))
                .isNotEmpty();
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        given().accept(ContentType.JSON).when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType(ContentType.HTML);
    }

    /**
     * A request costs no socket of its own beyond its connection. A trusted proxy written as a bare
     * IPv6 address ({@code 0:0:0:0:0:0:0:1}) was read as a host name and port, and then every
     * request opened a DNS client that was never closed: thousands of UDP sockets, and requests
     * waiting on name lookups, under a burst.
     */
    @Test
    void aBurstOfForwardedRequestsOpensNoSocketPerRequest() throws java.io.IOException {
        long before = udpSockets();
        for (int i = 0; i < 50; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").when().get("/q/health/live").then().statusCode(200);
        }
        assertThat(udpSockets()).isLessThan(before + 10);
    }

    /** The UDP sockets this JVM (the service under test runs in it) holds, as Linux's /proc lists them. */
    private static long udpSockets() throws java.io.IOException {
        Set<String> udp = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            java.nio.file.Path path = java.nio.file.Path.of(table);
            if (java.nio.file.Files.exists(path)) {
                java.nio.file.Files.readAllLines(path).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 9).forEach(columns -> udp.add(columns[9]));
            }
        }
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).toString();
                } catch (java.io.IOException gone) {
                    return "";
                }
            }).filter(target -> target.startsWith("socket:[") && udp.contains(target.substring(8, target.length() - 1))).count();
        }
    }

    @Test
    void unknownPathIsAProblem404() {
        given().accept(ContentType.JSON).when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void aVeryLongPathOrHeaderIsAnsweredAsAProblem() {
        given().accept(ContentType.JSON).when().get("/api/v1/" + "a".repeat(5_000))
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
        given().accept(ContentType.JSON).header("X-Long", "b".repeat(8_000)).when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void unexpectedFailureIsAProblem500WithoutInternals() {
        given().accept(ContentType.JSON).when().get("/test-probe/failure")
                .then().statusCode(500)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(500))
                .body(not(containsString("internal detail")))
                .body(not(containsString("at io.mall")));
    }

    @Test
    void aSaturatedStorePoolIsAProblem503ToRetry() {
        given().accept(ContentType.JSON).when().get("/test-probe/saturated")
                .then().statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "1")
                .body("status", equalTo(503))
                .body("detail", equalTo("the service is busy; try again shortly"))
                .body(not(containsString("wait queue")));
    }

    @Test
    void theDomainsRefusalsAreProblemsWithTheirStatus() {
        given().when().get("/test-probe/refusals/not-found")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("detail", equalTo("no such thing"));
        given().when().get("/test-probe/refusals/conflict")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", equalTo("it is at version 3, not 2"));
        given().when().get("/test-probe/refusals/rule")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", equalTo("invalid request: quantity"))
                .body("violations[0].field", equalTo("quantity"))
                .body("violations[0].message", equalTo("must leave at least one unit"));
        given().when().get("/test-probe/refusals/not-authenticated")
                .then().statusCode(401).contentType(PROBLEM_JSON).body("detail", equalTo("the email or the password is wrong"));
        given().when().get("/test-probe/refusals/not-permitted")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("detail", equalTo("this account is locked"));
        given().when().get("/test-probe/refusals/too-many")
                .then().statusCode(429).contentType(PROBLEM_JSON).header("Retry-After", "30");
        given().when().get("/test-probe/refusals/unavailable")
                .then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", "1")
                .body("detail", equalTo("the catalog cannot be reached; try again shortly"));
    }

    @Test
    void malformedJsonIsAProblem400() {
        given().contentType(ContentType.JSON).body("{\"name\": \"socks\", \"quantity\": ")
                .when().post("/test-probe/items")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void invalidBodyFieldIsAProblem422NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "", "quantity", 3))
                .when().post("/test-probe/items")
                .then().statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("name"))
                .body("violations.field", hasItem(equalTo("name")));
    }

    @Test
    void invalidQueryParameterIsAProblem400NamingIt() {
        given().queryParam("limit", 0)
                .when().get("/test-probe/items")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem(equalTo("limit")));
    }

    @Test
    void wrongJsonTypeIsAProblem400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"socks\", \"quantity\": \"three\"}")
                .when().post("/test-probe/items")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("quantity"))
                .body("violations[0].message", equalTo("must be a number"));
    }

    @Test
    void validBodyIsAccepted() {
        given().contentType(ContentType.JSON).body(Map.of("name", "socks", "quantity", 3))
                .when().post("/test-probe/items")
                .then().statusCode(200)
                .body("name", equalTo("socks"));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().when().get("/test-probe/customer")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void tokenSignedByThisPlatformIsAccepted() {
        given().auth().oauth2(TestTokens.customer("u-1001"))
                .when().get("/test-probe/customer")
                .then().statusCode(200)
                .body("subject", equalTo("u-1001"))
                .body("upn", equalTo("u-1001@mall.test"))
                .body("groups", hasItem("CUSTOMER"));
    }

    @Test
    void tokenWithoutTheRoleIsForbidden() {
        given().auth().oauth2(TestTokens.customer("u-1001"))
                .when().get("/test-probe/admin")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anEndpointThatNamesNoRoleIsDeniedToEveryone() {
        given().auth().oauth2(TestTokens.admin("u-1001")).when().get("/test-probe/unannotated")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON);
        assertThat(given().when().get("/test-probe/unannotated").statusCode()).isIn(401, 403);
    }

    @Test
    void aServiceTokenOpensServiceEndpointsAndNothingOfAShopper() {
        given().auth().oauth2(TestTokens.service("order"))
                .when().get("/test-probe/service")
                .then().statusCode(200)
                .body("subject", equalTo("order"))
                .body("groups", hasItem("SERVICE"));
        given().auth().oauth2(TestTokens.service("order")).when().get("/test-probe/customer").then().statusCode(403);
        given().auth().oauth2(TestTokens.customer("u-1001")).when().get("/test-probe/service").then().statusCode(403);
    }

    /**
     * The user service announces ended sessions on {@code user.events}; from then on this service
     * refuses their access tokens, and only theirs. A malformed message before the announcement
     * does not stop the reading.
     */
    @Test
    void aTokenOfARevokedSessionIsRefusedAndOthersAreNot() {
        String userId = java.util.UUID.randomUUID().toString();
        String ended = java.util.UUID.randomUUID().toString();
        String endedToken = TestTokens.sign(TestTokens.claims(userId, "CUSTOMER").claim("sid", ended));
        String otherToken = TestTokens.sign(TestTokens.claims(userId, "CUSTOMER").claim("sid", java.util.UUID.randomUUID().toString()));
        given().auth().oauth2(endedToken).when().get("/test-probe/customer").then().statusCode(200);

        java.time.Instant now = java.time.Instant.now();
        TestKafka.send("user.events", userId, "{\"type\": \"user.sessions-revoked\", \"data\": ");
        TestKafka.send("user.events", userId, """
                {"id": "%s", "type": "user.sessions-revoked", "source": "user", "time": "%s", "subject": "%s",
                 "data": {"userId": "%s", "sessionIds": ["%s"], "tokensExpireBy": "%s"}}"""
                .formatted(java.util.UUID.randomUUID(), now, userId, userId, ended, now.plusSeconds(900)));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth().oauth2(endedToken).when().get("/test-probe/customer")
                        .then().statusCode(401)
                        .contentType(PROBLEM_JSON)
                        .header("WWW-Authenticate", "Bearer"));
        given().auth().oauth2(otherToken).when().get("/test-probe/customer").then().statusCode(200);
        given().auth().oauth2(TestTokens.customer(userId)).when().get("/test-probe/customer").then().statusCode(200);
    }

    /**
     * Every {@code /internal} operation the service documents: 401 without a token, 403 with a
     * shopper's (even an administrator's), and past security with a service's.
     */
    @Test
    void everyInternalOperationNeedsAServiceToken() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new java.util.ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/internal")) {
                return;
            }
            String path = template.replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (String method : operations.keySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + template;
                checked.add(operation);
                assertThat(internalCall(method, path, null).statusCode()).as(operation + " without a token").isEqualTo(401);
                assertThat(internalCall(method, path, TestTokens.customer("u-1001")).statusCode())
                        .as(operation + " with a shopper's token").isEqualTo(403);
                assertThat(internalCall(method, path, TestTokens.admin("u-1001")).statusCode())
                        .as(operation + " with an administrator's token").isEqualTo(403);
                assertThat(internalCall(method, path, TestTokens.service("order")).statusCode())
                        .as(operation + " with a service token").isNotIn(401, 403);
            }
        });
        assertThat(checked).as("internal operations of this service").containsAll(internalOperations());
    }

    /** The {@code /internal} operations this service must have (e.g. {@code GET /internal/skus}); none by default. */
    protected Set<String> internalOperations() {
        return Set.of();
    }

    private static Response internalCall(String method, String path, String token) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!method.equals("get") && !method.equals("delete")) {
            request = request.body("{}");
        }
        return request.request(method.toUpperCase(), path);
    }

    @Test
    void forgedTokensAreRefused() {
        Map<String, String> forgeries = new LinkedHashMap<>();
        forgeries.put("alg none", TestTokens.unsigned("u-1001", "ADMIN"));
        forgeries.put("signed by an unknown key", TestTokens.signedByStranger("u-1001", "ADMIN"));
        forgeries.put("expired", TestTokens.expired("u-1001", "ADMIN"));
        forgeries.put("wrong issuer", TestTokens.fromOtherIssuer("u-1001", "ADMIN"));
        forgeries.put("wrong audience", TestTokens.forOtherAudience("u-1001", "ADMIN"));
        forgeries.put("claims edited after signing", TestTokens.tamperedToAdmin("u-1001"));
        forgeries.put("not a JWT", "not-a-token");

        forgeries.forEach((forgery, token) -> {
            Response response = given().auth().oauth2(token).when().get("/test-probe/admin");
            assertThat(response.statusCode()).as(forgery).isEqualTo(401);
        });
    }
}

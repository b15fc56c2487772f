package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what: every endpoint of the service against anonymous callers, a shopper, another
 * shopper, support staff and an administrator.
 */
@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class AccessMatrixTest {

    private static final List<String> CALLERS = List.of("anonymous", "customer", "other customer", "support", "admin");

    private record Endpoint(String method, String path, Object body) {
    }

    private static Shoppers.Shopper customer;
    private static Map<String, String> tokens;

    @BeforeEach
    void callers() {
        if (tokens != null) {
            return;
        }
        customer = Shoppers.newShopper();
        Shoppers.Shopper other = Shoppers.newShopper();
        Shoppers.Shopper support = Shoppers.newShopper();
        String admin = Shoppers.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("SUPPORT")))
                .when().put("/api/v1/users/" + support.id() + "/roles").then().statusCode(200);
        tokens = new LinkedHashMap<>();
        tokens.put("customer", customer.accessToken());
        tokens.put("other customer", other.accessToken());
        tokens.put("support", Shoppers.accessToken(support.email()));
        tokens.put("admin", admin);
    }

    @Test
    void staffEndpointsAdmitOnlyTheirRoles() {
        // status per caller: anonymous, customer, other customer, support, admin
        expect(new Endpoint("GET", "/api/v1/users", null), 401, 403, 403, 200, 200);
        expect(new Endpoint("GET", "/api/v1/users/" + customer.id(), null), 401, 403, 403, 200, 200);
        expect(new Endpoint("PUT", "/api/v1/users/" + customer.id() + "/roles", Map.of("roles", List.of("CUSTOMER"))),
                401, 403, 403, 403, 200);
        expect(new Endpoint("DELETE", "/api/v1/users/" + customer.id() + "/lock", null), 401, 403, 403, 403, 200);
        expect(new Endpoint("POST", "/api/v1/auth/keys/rotation", null), 401, 403, 403, 403, null);
    }

    @Test
    void ownDataIsReachableOnlyWithOnesOwnToken() {
        // /me is whoever the token says: another shopper's token shows the other shopper
        for (String caller : CALLERS) {
            int status = send(caller, new Endpoint("GET", "/api/v1/users/me", null)).then().extract().statusCode();
            assertThat(status).as(caller).isEqualTo(caller.equals("anonymous") ? 401 : 200);
        }
        String shownToOther = given().auth().oauth2(tokens.get("other customer"))
                .when().get("/api/v1/users/me").then().extract().path("id");
        assertThat(shownToOther).isNotEqualTo(customer.id().toString());
        expect(new Endpoint("GET", "/api/v1/users/me/export", null), 401, 200, 200, 200, 200);
        expect(new Endpoint("PATCH", "/api/v1/users/me", Map.of("locale", "ko")), 401, 200, 200, 200, 200);
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().when().get("/api/v1/auth/jwks").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "unknown"))
                .when().post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void forgedTokensAreRefusedOnEveryProtectedEndpoint() {
        String id = customer.id().toString();
        Map<String, String> forgeries = new LinkedHashMap<>();
        forgeries.put("alg none", TestTokens.unsigned(id, "ADMIN"));
        forgeries.put("signed by an unknown key", TestTokens.signedByStranger(id, "ADMIN"));
        forgeries.put("expired", TestTokens.expired(id, "ADMIN"));
        forgeries.put("wrong issuer", TestTokens.fromOtherIssuer(id, "ADMIN"));
        forgeries.put("wrong audience", TestTokens.forOtherAudience(id, "ADMIN"));
        forgeries.put("claims edited after signing", TestTokens.tamperedToAdmin(id));
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
            for (String path : List.of("/api/v1/users/me", "/api/v1/users")) {
                int status = given().auth().oauth2(forgery.getValue()).when().get(path).then().extract().statusCode();
                if (status != 401) {
                    accepted.add(forgery.getKey() + " on " + path + " got " + status);
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    /** {@code expected} per caller in {@link #CALLERS} order; null: not checked (changes shared state). */
    private static void expect(Endpoint endpoint, Integer... expected) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            if (expected[i] == null) {
                continue;
            }
            int status = send(CALLERS.get(i), endpoint).then().extract().statusCode();
            if (status != expected[i]) {
                wrong.add(CALLERS.get(i) + ": " + status + " instead of " + expected[i]);
            }
        }
        assertThat(wrong).as(endpoint.method() + " " + endpoint.path()).isEmpty();
    }

    private static io.restassured.response.Response send(String caller, Endpoint endpoint) {
        RequestSpecification request = given();
        if (!caller.equals("anonymous")) {
            request = request.auth().oauth2(tokens.get(caller));
        }
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.when().request(endpoint.method(), endpoint.path());
    }
}

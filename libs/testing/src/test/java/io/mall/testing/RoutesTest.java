package io.mall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Password guessing and registration (a bcrypt each) get the strict rate limit both at the local
 * edge and in the Kubernetes Ingress, which are generated from one table (infra/routes.tsv).
 */
class RoutesTest {

    @Test
    void theLocalEdgeLimitsSignInAndRegistrationStrictlyAndTheRestOfTheUsersApiGenerally() throws Exception {
        String edge = run(List.of("bash", "-c", "source infra/local/edge.sh && edge_render"));

        assertThat(edge).contains("location = /api/v1/auth { limit_req zone=auth ");
        assertThat(edge).contains("location /api/v1/auth/ { limit_req zone=auth ");
        assertThat(edge).contains("location = /api/v1/users { limit_req zone=auth ");
        assertThat(edge).contains("location /api/v1/users/ { limit_req zone=api ");
        assertThat(edge).contains("location /api/v1/products/ { limit_req zone=api ");
    }

    @Test
    void theLocalEdgeLimitsAnonymousCartRequestsPerAddressAndNoOthers() throws Exception {
        String edge = run(List.of("bash", "-c", "source infra/local/edge.sh && edge_render"));

        assertThat(edge).contains("map $http_x_cart_token$http_authorization $guest_client { \"\" $binary_remote_addr; default \"\"; }");
        assertThat(edge).contains("limit_req_zone $guest_client zone=guest:10m rate=60r/m;");
        assertThat(edge).contains("location /api/v1/cart/ { limit_req zone=api burst=1000 nodelay; limit_req zone=guest ");
        assertThat(edge).doesNotContain("location /api/v1/wishlist/ { limit_req zone=api burst=1000 nodelay; limit_req zone=guest");
    }

    @Test
    void theLocalEdgeAnswersTooLongRequestsAsProblems() throws Exception {
        String edge = run(List.of("bash", "-c", "source infra/local/edge.sh && edge_render"));

        assertThat(edge).contains("error_page 413 = @too_large;", "error_page 414 /.edge/uri-too-long;",
                "error_page 494 = @headers_too_large;");
        assertThat(edge).contains("location = /.edge/uri-too-long { internal; default_type application/problem+json;");
        assertThat(edge).contains("location @headers_too_large { default_type application/problem+json;");
    }

    @Test
    void theIngressPutsSignInAndRegistrationUnderTheStrictLimitAndNothingElse() throws Exception {
        String[] ingresses = run(List.of("bash", "infra/render-ingress.sh", "shop.example")).split("\n---\n");
        String general = ingresses[1];
        String strict = ingresses[2];

        assertThat(general).contains("name: mall-api\n").contains("limit-rps: \"500\"")
                .contains("path: /api/v1/users\n            pathType: Prefix")
                .contains("path: /api/v1/products\n            pathType: Prefix")
                .doesNotContain("path: /api/v1/auth\n");
        assertThat(strict).contains("name: mall-api-auth\n").contains("limit-rps: \"20\"")
                .contains("path: /api/v1/auth\n            pathType: Prefix")
                .contains("path: /api/v1/users\n            pathType: Exact")
                .doesNotContain("/api/v1/products");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(LocalServers.repositoryRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("ROOT", LocalServers.repositoryRoot().toString(), "RUN_DIR", "/tmp",
                "LOG_DIR", "/tmp", "MALL_HOME", "/tmp"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

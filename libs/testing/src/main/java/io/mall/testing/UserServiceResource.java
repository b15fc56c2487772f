package io.mall.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real user service beside the service under test, with the service under test registered as
 * a service client (secret made for this run): the service's quarkus-oidc-client gets and renews
 * its tokens there exactly as in production. Use it as
 *
 * <pre>
 * &#64;QuarkusTestResource(value = UserServiceResource.class, initArgs = &#64;ResourceArg(name = "client", value = "cart"))
 * </pre>
 *
 * Service tokens live {@code token-lifetime} (default 8 s), so a test sees them renewed.
 */
public class UserServiceResource implements QuarkusTestResourceLifecycleManager {

    private String client;
    private String lifetime;
    private UserServiceProcess user;

    @Override
    public void init(Map<String, String> args) {
        client = args.get("client");
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("UserServiceResource needs the client id as init arg 'client'");
        }
        lifetime = args.getOrDefault("token-lifetime", "PT8S");
    }

    @Override
    public Map<String, String> start() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        user = UserServiceProcess.start(Map.of(
                "mall.user.service-clients." + client + ".secret-sha256", sha256(secret),
                "mall.user.tokens.service-lifetime", lifetime));
        return Map.of(
                "quarkus.oidc-client.auth-server-url", user.baseUrl() + "/api/v1/auth",
                "quarkus.oidc-client.client-id", client,
                "quarkus.oidc-client.credentials.secret", secret,
                // renewed this long before it expires: short, so that a test does see a renewal
                "quarkus.oidc-client.refresh-token-time-skew", "PT2S");
    }

    @Override
    public void stop() {
        if (user != null) {
            user.close();
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

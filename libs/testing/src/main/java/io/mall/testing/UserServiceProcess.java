package io.mall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The packaged user service, running as its own process next to the service under test, so a
 * test can sign in for real and use the token it gets. It signs with the {@link TestTokens} key
 * pair and issuer, which the service under test already trusts: the token a shopper gets from
 * the user service is accepted by the other services exactly as in production. A
 * {@link ServiceProcess} with the keys only the user service needs.
 */
public final class UserServiceProcess implements AutoCloseable {

    private final ServiceProcess service;

    private UserServiceProcess(ServiceProcess service) {
        this.service = service;
    }

    /** Starts the user service built by this checkout ({@code services/user/target/quarkus-app}) and waits until it is ready. */
    public static UserServiceProcess start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with more of the user service's configuration (e.g. registered service clients). */
    public static UserServiceProcess start(Map<String, String> configuration) {
        try {
            Path keys = Files.createTempDirectory("mall-user-signing-keys-");
            TestTokens.writeSigningKey(keys);
            Map<String, String> config = new HashMap<>();
            config.put("mall.user.signing-keys.dir", keys.toString());
            config.put("mall.user.personal-data.active-key", "test");
            config.put("mall.user.personal-data.keys.test", randomKey());
            config.put("mall.user.password-pepper", randomKey());
            config.putAll(configuration);
            return new UserServiceProcess(ServiceProcess.start("user", Set.of(LocalServer.POSTGRES), config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    /** The process itself, e.g. to kill it or read its log. */
    public ServiceProcess service() {
        return service;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        service.close();
    }
}

package io.mall.user;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.mall.testing.LocalServers;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestRun;
import io.mall.testing.TestTokens;
import io.mall.user.domain.ServiceClients;

/**
 * The user service against the real local servers (PostgreSQL, Kafka). Its first signing key is
 * the test key pair, so tokens it issues and those of {@link TestTokens} meet the same verifier;
 * its first administrator has a password that exists only in this run.
 */
public class UserTestResource extends MallTestResource {

    public static final String ADMIN_EMAIL = "admin@mall.test";
    public static final String ADMIN_PASSWORD = "Adm1n-" + TestRun.ID;
    /** A service client registered for this run only. */
    public static final String SERVICE_CLIENT = "order";
    public static final String SERVICE_SECRET = "secret-of-" + TestRun.ID;

    @Override
    public void init(Map<String, String> args) {
        super.init(Map.of("service", "user", "servers", "postgres,kafka"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        Path keys = Path.of("target", "signing-keys-" + TestRun.ID).toAbsolutePath();
        TestTokens.writeSigningKey(keys);
        config.put("mall.user.signing-keys.dir", keys.toString());
        // verify tokens as every other service does, against this service's own JWKS, so that
        // tokens signed after a key rotation are accepted too
        int port = LocalServers.freePort();
        config.put("quarkus.http.test-port", String.valueOf(port));
        config.put("mp.jwt.verify.publickey.location", "http://localhost:" + port + "/api/v1/auth/jwks");
        config.put("mall.user.admin.email", ADMIN_EMAIL);
        config.put("mall.user.admin.password", ADMIN_PASSWORD);
        config.put("mall.user.service-clients." + SERVICE_CLIENT + ".secret-sha256", ServiceClients.hash(SERVICE_SECRET));
        return config;
    }

}

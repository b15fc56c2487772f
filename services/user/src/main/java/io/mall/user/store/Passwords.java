package io.mall.user.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.PasswordPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * bcrypt hashing and checking, on worker threads: each call costs tens of milliseconds of CPU by
 * design and must never run on an event loop. Checking a password of an unknown account still
 * costs one bcrypt, so a wrong email answers as slowly as a wrong password.
 */
@ApplicationScoped
public class Passwords {

    private final Vertx vertx;
    private final int cost;
    private final PasswordPolicy policy;
    private final String decoyHash;
    private final Counter checks;

    Passwords(Vertx vertx, UserConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        // each check is a bcrypt: the throttle decides how many an attacker gets
        this.checks = Counter.builder("mall.user.password.checks").description("passwords checked with bcrypt").register(registry);
        this.cost = config.bcryptCost();
        this.policy = new PasswordPolicy(commonPasswords());
        this.decoyHash = BcryptUtil.bcryptHash("no account has this password", cost);
    }

    public Optional<String> problemWith(String password, String email) {
        return policy.problemWith(password, email);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost), false);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no account) checks against a decoy and fails. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(() -> {
            checks.increment();
            boolean matches = BcryptUtil.matches(password, hash != null ? hash : decoyHash);
            return matches && hash != null;
        }, false);
    }

    private static Set<String> commonPasswords() {
        try (InputStream in = Passwords.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

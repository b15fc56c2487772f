package io.mall.user.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.Unavailable;
import io.mall.user.UserConfig;
import io.mall.user.domain.PasswordPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt hashing and checking, on threads of their own: each call costs tens of milliseconds of CPU
 * by design and must never run on an event loop. Checking a password of an unknown account still
 * costs one bcrypt, so a wrong email answers as slowly as a wrong password.
 *
 * <p>At most {@code mall.user.bcrypt-threads} run at once and {@code mall.user.bcrypt-waiting} wait;
 * more are refused ({@link Unavailable}, a 503) at once. Without the bound, sign-ins beyond the
 * cores' capacity queued without end: at three times the shop's load a sign-in took 23 s, and
 * every other request of the service waited behind the bcrypts for the CPU.
 *
 * <p>A password is first pre-hashed with HMAC-SHA-256 under the server's key, so bcrypt always
 * reads 44 ASCII bytes: a long Korean password is not cut at bcrypt's 72 bytes, and a stolen table
 * of hashes is of no use without the key. Stored as {@value #PREFIX} and the bcrypt hash; a hash
 * of the raw password (written before) still verifies and is replaced at the next sign-in.
 *
 * <p>bcrypt is Bouncy Castle's: the same {@code $2a$} hashes as before, each in 73 ms of a core
 * instead of 100 (cost 10, C2, a 2-core Intel Xeon; see bench/results/2026-11-27-shop-after-up-4).
 */
@ApplicationScoped
public class Passwords {

    /** Marks a hash of the pre-hashed password. */
    static final String PREFIX = "hmac-sha256-bcrypt:";

    private static final SecureRandom SALTS = new SecureRandom();

    private final WorkerExecutor bcrypts;
    private final int mostAtOnce;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int cost;
    private final PasswordPolicy policy;
    private final String decoyHash;
    private final Counter checks;
    private final byte[] pepper;

    Passwords(Vertx vertx, UserConfig config, MeterRegistry registry) {
        int threads = config.bcryptThreads() > 0 ? config.bcryptThreads() : Runtime.getRuntime().availableProcessors();
        this.bcrypts = vertx.createSharedWorkerExecutor("bcrypt", threads);
        this.mostAtOnce = threads + config.bcryptWaiting();
        this.pepper = Base64.getDecoder().decode(config.passwordPepper().trim());
        if (pepper.length < 32) {
            throw new IllegalStateException("mall.user.password-pepper must be at least 32 bytes (base64)");
        }
        // each check is a bcrypt: the throttle decides how many an attacker gets
        this.checks = Counter.builder("mall.user.password.checks").description("passwords checked with bcrypt").register(registry);
        this.cost = config.bcryptCost();
        this.policy = new PasswordPolicy(commonPasswords());
        this.decoyHash = PREFIX + bcryptHash(preHash("no account has this password"));
    }

    public Optional<String> problemWith(String password, String email) {
        return policy.problemWith(password, email);
    }

    public Uni<String> hash(String password) {
        return bcrypt(() -> PREFIX + bcryptHash(preHash(password)));
    }

    /** Fails with {@link Unavailable} when no bcrypt could start now (asked before work that would be wasted). */
    public void admit() {
        if (inFlight.get() >= mostAtOnce) {
            throw busy();
        }
    }

    private <T> Uni<T> bcrypt(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > mostAtOnce) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(busy());
            }
            return bcrypts.executeBlocking(work, false).onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    private static Unavailable busy() {
        return new Unavailable("too many sign-ins at once; try again in a moment");
    }

    /** Whether a stored hash is of the raw password (written before pre-hashing): replace it at the next sign-in. */
    public static boolean isOutdated(String hash) {
        return hash != null && !hash.startsWith(PREFIX);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no account) checks against a decoy and fails. */
    public Uni<Boolean> matches(String password, String hash) {
        return bcrypt(() -> {
            checks.increment();
            String stored = hash != null ? hash : decoyHash;
            boolean matches = stored.startsWith(PREFIX)
                    ? bcryptMatches(preHash(password), stored.substring(PREFIX.length()))
                    // written before pre-hashing: bcrypt read at most 72 bytes of the raw password
                    : password.getBytes(StandardCharsets.UTF_8).length <= 72 && bcryptMatches(password, stored);
            return matches && hash != null;
        });
    }

    private String bcryptHash(String password) {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, cost);
    }

    private static boolean bcryptMatches(String password, String hash) {
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    private String preHash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JVM", e);
        }
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

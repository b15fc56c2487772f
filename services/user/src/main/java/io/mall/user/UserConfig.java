package io.mall.user;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the user service lets an operator tune, under {@code mall.user}. */
@ConfigMapping(prefix = "mall.user")
public interface UserConfig {

    Tokens tokens();

    /**
     * The server's key for pre-hashing passwords (HMAC-SHA-256) before bcrypt, base64, at least 32
     * bytes: a stolen table of hashes cannot be attacked without it. From the mall-user Secret in
     * Kubernetes, made once by {@code ./mall up}; never in this repository but for marked test keys.
     */
    String passwordPepper();

    /** bcrypt work factor: each step doubles the cost of a sign-in and of a guess. */
    @WithDefault("10")
    int bcryptCost();

    /**
     * bcrypts run at once (threads of their own; 0: one per core), so that a burst of sign-ins
     * cannot take every core from the requests that need none.
     */
    @WithDefault("0")
    int bcryptThreads();

    /**
     * bcrypts that may wait for a thread; past them a sign-in or registration is answered 503 at
     * once instead of after a wait of many seconds (each waiting bcrypt adds ~0.1 s / threads).
     */
    @WithDefault("32")
    int bcryptWaiting();

    Login login();

    SigningKeys signingKeys();

    PersonalData personalData();

    Admin admin();

    Outbox outbox();

    interface Outbox {
        /**
         * How often the outbox relay looks for what a failure or a crashed replica left, e.g.
         * {@code 2s}; read by the scheduler as {@code ${mall.user.outbox.poll-interval}}.
         */
        String pollInterval();
    }

    /**
     * Services that may get a service token with the client-credentials grant, by client id
     * ({@code mall.user.service-clients.cart.secret-sha256=...}). {@code ./mall up} makes each
     * client's secret once; Kubernetes takes both halves from Secrets.
     */
    Map<String, ServiceClient> serviceClients();

    interface ServiceClient {
        /** SHA-256 of the client's secret, 64 hex digits. */
        String secretSha256();
    }

    interface Tokens {
        /** {@code iss} of every access token; what the other services expect. */
        String issuer();

        @WithDefault("mall")
        String audience();

        @WithDefault("PT15M")
        Duration accessLifetime();

        @WithDefault("P30D")
        Duration refreshLifetime();

        /** A session ends this long after its sign-in, however often it was refreshed. */
        @WithDefault("P90D")
        Duration sessionLifetime();

        /** Lifetime of a service's token: minutes, since a service renews its token on its own. */
        @WithDefault("PT5M")
        Duration serviceLifetime();
    }

    /**
     * Sign-in attempts go through at once up to a number, then wait ever longer (see
     * {@code domain.LoginThrottle}), counted three ways: an account from one address (strict), an
     * account from anywhere (many addresses guessing one password), an address against any
     * account (one address trying many accounts).
     */
    interface Login {
        @WithDefault("5")
        int freeAttemptsPerAccountAndAddress();

        @WithDefault("20")
        int freeAttemptsPerAccount();

        @WithDefault("50")
        int freeAttemptsPerAddress();

        @WithDefault("PT1S")
        Duration firstDelay();

        @WithDefault("PT15M")
        Duration maxDelay();

        /** Counts with no attempt for this long start again from nothing. */
        @WithDefault("PT1H")
        Duration forgetAfter();
    }

    interface SigningKeys {
        /**
         * Folder of PKCS#8 PEM private keys, one file per key named {@code <kid>.pem}. Written by
         * the service when it may (a volume), or mounted read-only from a Kubernetes Secret.
         */
        String dir();

        /** A new key takes over signing this long after the current one was made. */
        @WithDefault("P30D")
        Duration rotateEvery();

        /**
         * The folder is a read-only Kubernetes Secret: operators rotate keys by adding one to the
         * Secret (picked up within the hour), and this service never writes or deletes a key.
         */
        @WithDefault("false")
        boolean readOnly();
    }

    interface PersonalData {
        /** Id of the key that encrypts; the others only decrypt what they encrypted before. */
        String activeKey();

        /** AES-256 keys by id, each 32 bytes in base64. */
        Map<String, String> keys();
    }

    /** The first administrator, created at start when no account has this email. */
    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }
}

package io.mall.sessions;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Checks a bearer token's signature and claims once, not on every request: a token that passed is
 * kept, by its exact text, until it expires (at most {@link #MAX_KEPT}), and the same text is
 * taken as verified meanwhile. A shopper's reads carry the same token for its five minutes, and
 * its RSA check and parse were a fifth of a cart read's time. What is kept is exactly what passed:
 * a token that fails is never kept, one past its expiry is checked again (and refused), and the
 * revoked-session check ({@link RevokedSessionCheck}) still runs on every request after this.
 *
 * <p>One thing is given up: a signing key withdrawn from the JWKS stops being accepted for tokens
 * this replica has already seen only when they expire (five minutes at most).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /**
     * Tokens kept at most; past it the least used give way, so a flood of distinct tokens costs
     * what it did before and the tokens in use stay kept.
     */
    static final int MAX_TOKENS = 2_000;
    /** A kept token is checked again after this long, however long it lives. */
    static final Duration MAX_KEPT = Duration.ofMinutes(5);

    private final JWTParser verifier;
    private final Clock clock;
    // maintained on the calling thread: eviction is a few map operations, and needs no pool
    private final Cache<String, Kept> kept = Caffeine.newBuilder().maximumSize(MAX_TOKENS).executor(Runnable::run)
            .build();

    private record Kept(JsonWebToken token, Instant until) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        JsonWebToken known = verifiedBefore(bearerToken, now);
        if (known != null) {
            return known;
        }
        JsonWebToken token = verifier.parse(bearerToken);
        keep(bearerToken, token, now);
        return token;
    }

    /** The token, if this exact text passed before and is still kept; null otherwise. Never checks anything itself. */
    public JsonWebToken verifiedBefore(String bearerToken) {
        return verifiedBefore(bearerToken, clock.instant());
    }

    private JsonWebToken verifiedBefore(String bearerToken, Instant now) {
        Kept hit = kept.getIfPresent(bearerToken);
        return hit != null && now.isBefore(hit.until()) ? hit.token() : null;
    }

    private void keep(String text, JsonWebToken token, Instant now) {
        Instant until = Instant.ofEpochSecond(token.getExpirationTime());
        if (until.isAfter(now.plus(MAX_KEPT))) {
            until = now.plus(MAX_KEPT);
        }
        if (!until.isAfter(now)) {
            return;
        }
        kept.put(text, new Kept(token, until));
    }

    /** How many tokens are kept now. */
    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    // what is asked with other keys or settings than the service's own is checked every time

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}

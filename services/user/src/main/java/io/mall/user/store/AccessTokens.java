package io.mall.user.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.SigningKey;
import io.mall.user.domain.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens: RS256 JWTs signed with the current key (its id in {@code kid}), carrying who the
 * shopper is ({@code sub}, {@code upn}), what they may do ({@code groups}) and which sign-in session
 * they belong to ({@code sid}, the refresh-token family).
 */
@ApplicationScoped
public class AccessTokens {

    public record Issued(String token, long expiresInSeconds) {
    }

    private final UserConfig config;
    private final SigningKeyStore keys;
    private final Clock clock;

    AccessTokens(UserConfig config, SigningKeyStore keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    /** CPU work (an RSA signature): call it off the event loop. */
    public Issued issue(User user, UUID session) {
        return sign(user.id.toString(), user.roles.stream().map(Enum::name).collect(Collectors.toSet()),
                config.tokens().accessLifetime(), claims -> claims.upn(user.email).claim("sid", session.toString()));
    }

    /**
     * A token for {@code subject} with {@code groups}, from this service's issuer for the platform's
     * audience, signed with the current key; {@code more} adds the claims of its kind. CPU work: call
     * it off the event loop.
     */
    public Issued sign(String subject, Set<String> groups, Duration lifetime, UnaryOperator<JwtClaimsBuilder> more) {
        SigningKey key = keys.ring().signing();
        Instant now = clock.instant();
        String token = more.apply(Jwt.issuer(config.tokens().issuer())
                .audience(config.tokens().audience())
                .subject(subject)
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime)))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.id())
                .sign(key.privateKey());
        return new Issued(token, lifetime.toSeconds());
    }
}

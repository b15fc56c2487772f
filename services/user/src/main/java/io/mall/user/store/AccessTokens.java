package io.mall.user.store;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.SigningKey;
import io.mall.user.domain.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

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
        SigningKey key = keys.ring().signing();
        Instant now = clock.instant();
        long lifetime = config.tokens().accessLifetime().toSeconds();
        String token = Jwt.issuer(config.tokens().issuer())
                .audience(config.tokens().audience())
                .subject(user.id.toString())
                .upn(user.email)
                .groups(user.roles.stream().map(Enum::name).collect(Collectors.toSet()))
                .claim("jti", UUID.randomUUID().toString())
                .claim("sid", session.toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.id())
                .sign(key.privateKey());
        return new Issued(token, lifetime);
    }
}

package io.mall.user.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.ServiceClients;
import io.mall.user.domain.SigningKey;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Tokens for services (OAuth2 client credentials): RS256 JWTs from the same keys and issuer as
 * shoppers' tokens, so every service verifies them the same way, with {@code sub} = the client id
 * and the one role {@code SERVICE}, which opens the {@code /internal} endpoints and nothing a
 * shopper has.
 */
@ApplicationScoped
public class ServiceTokens {

    public static final String ROLE = "SERVICE";

    public record Issued(String token, long expiresInSeconds) {
    }

    private final UserConfig config;
    private final SigningKeyStore keys;
    private final Clock clock;
    private final Vertx vertx;
    private final ServiceClients clients;

    ServiceTokens(UserConfig config, SigningKeyStore keys, Clock clock, Vertx vertx) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.vertx = vertx;
        this.clients = new ServiceClients(config.serviceClients().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().secretSha256())));
    }

    /** A token for the client whose secret this is; empty when the id or secret is wrong. */
    public Uni<Optional<Issued>> issue(String clientId, String secret) {
        // hashing and the RSA signature are CPU work: off the event loop
        return vertx.executeBlocking(() -> clients.authenticate(clientId, secret).map(this::sign));
    }

    private Issued sign(String clientId) {
        SigningKey key = keys.ring().signing();
        Instant now = clock.instant();
        long lifetime = config.tokens().serviceLifetime().toSeconds();
        String token = Jwt.issuer(config.tokens().issuer())
                .audience(config.tokens().audience())
                .subject(clientId)
                .groups(Set.of(ROLE))
                .claim("jti", UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.id())
                .sign(key.privateKey());
        return new Issued(token, lifetime);
    }
}

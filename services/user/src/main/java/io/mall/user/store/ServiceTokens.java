package io.mall.user.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.ServiceClients;
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

    private final UserConfig config;
    private final AccessTokens tokens;
    private final Vertx vertx;
    private final ServiceClients clients;

    ServiceTokens(UserConfig config, AccessTokens tokens, Vertx vertx) {
        this.config = config;
        this.tokens = tokens;
        this.vertx = vertx;
        this.clients = new ServiceClients(config.serviceClients().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().secretSha256())));
    }

    /** A token for the client whose secret this is; empty when the id or secret is wrong. */
    public Uni<Optional<AccessTokens.Issued>> issue(String clientId, String secret) {
        // hashing and the RSA signature are CPU work: off the event loop
        return vertx.executeBlocking(() -> clients.authenticate(clientId, secret)
                .map(client -> tokens.sign(client, Set.of(ROLE), config.tokens().serviceLifetime(),
                        claims -> claims.claim("client_id", client))));
    }
}

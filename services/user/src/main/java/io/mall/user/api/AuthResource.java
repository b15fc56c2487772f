package io.mall.user.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.mall.problem.ProblemException;
import io.mall.user.UserConfig;
import io.mall.user.domain.SigningKey;
import io.mall.user.store.ServiceTokens;
import io.mall.user.app.Sessions;
import io.mall.user.store.SigningKeyStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Signing in and out, refreshing, and the public keys every service verifies access tokens with. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final Sessions sessions;
    private final ServiceTokens serviceTokens;
    private final SigningKeyStore keys;
    private final UserConfig config;
    private final Clock clock;

    AuthResource(Sessions sessions, ServiceTokens serviceTokens, SigningKeyStore keys, UserConfig config, Clock clock) {
        this.sessions = sessions;
        this.serviceTokens = serviceTokens;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("/login")
    @PermitAll
    public Uni<Sessions.Tokens> signIn(@Valid @NotNull Requests.SignIn request, HttpServerRequest http) {
        // behind the edge or Ingress, the client's own address (quarkus.http.proxy trusts only them)
        return sessions.signIn(request.email(), request.password(), http.remoteAddress().hostAddress());
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public Uni<Sessions.Tokens> refresh(@Valid @NotNull Requests.Refresh request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @PermitAll
    @ResponseStatus(204)
    public Uni<Void> signOut(@Valid @NotNull Requests.Refresh request) {
        return sessions.signOut(request.refreshToken());
    }

    /**
     * The OAuth2 token endpoint for services (RFC 6749, client-credentials grant): the client
     * authenticates with HTTP Basic ({@code client_secret_basic}, what quarkus-oidc-client sends) or
     * with {@code client_id} and {@code client_secret} in the form ({@code client_secret_post}).
     * A wrong id or secret is one answer, so it does not tell which of the two was wrong.
     */
    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<ServiceTokenResponse>> serviceToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formClientSecret) {
        if (!"client_credentials".equals(grantType)) {
            throw ProblemException.invalidField("grant_type", "must be client_credentials");
        }
        ClientCredentials credentials = ClientCredentials.of(authorization, formClientId, formClientSecret);
        return serviceTokens.issue(credentials.id(), credentials.secret()).map(issued -> issued
                .map(token -> RestResponse.ResponseBuilder.ok(new ServiceTokenResponse(token.token(), "Bearer", token.expiresInSeconds()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .orElseThrow(() -> new NotAuthorizedException("the client id or secret is wrong", "Basic realm=\"mall\"")));
    }

    /** RFC 6749 section 5.1: the names are the standard's, so any OAuth2 client reads them. */
    public record ServiceTokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    /** The client's id and secret, from a Basic authorization header or else from the form. */
    private record ClientCredentials(String id, String secret) {
        static ClientCredentials of(String authorization, String formId, String formSecret) {
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new NotAuthorizedException("the Basic authorization is not base64", "Basic realm=\"mall\"");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new NotAuthorizedException("the Basic authorization has no secret", "Basic realm=\"mall\"");
                }
                return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            }
            if (formId == null || formSecret == null) {
                throw new NotAuthorizedException("client credentials are missing", "Basic realm=\"mall\"");
            }
            return new ClientCredentials(formId, formSecret);
        }
    }

    /** The JSON Web Key Set: every key whose tokens may still be alive, each with its {@code kid}. */
    @GET
    @Path("/jwks")
    @PermitAll
    public Map<String, Object> jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        for (SigningKey key : keys.ring().verifying(clock.instant(), config.tokens().accessLifetime())) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.id());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            set.addJsonWebKey(jwk);
        }
        return Map.of("keys", set.getJsonWebKeys().stream()
                .map(jwk -> jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    /** Starts signing with a new key now (e.g. after a suspected leak); old tokens stay valid until they expire. */
    @POST
    @Path("/keys/rotation")
    @RolesAllowed("ADMIN")
    @Blocking
    public Map<String, String> rotate() {
        return Map.of("signingKey", keys.rotate().id());
    }
}

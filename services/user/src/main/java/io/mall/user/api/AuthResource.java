package io.mall.user.api;

import java.time.Clock;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import io.mall.user.UserConfig;
import io.mall.user.domain.SigningKey;
import io.mall.user.store.Sessions;
import io.mall.user.store.SigningKeyStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Signing in and out, refreshing, and the public keys every service verifies access tokens with. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final Sessions sessions;
    private final SigningKeyStore keys;
    private final UserConfig config;
    private final Clock clock;

    AuthResource(Sessions sessions, SigningKeyStore keys, UserConfig config, Clock clock) {
        this.sessions = sessions;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("/login")
    @PermitAll
    public Uni<Sessions.Tokens> signIn(@Valid @NotNull Requests.SignIn request) {
        return sessions.signIn(request.email(), request.password());
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

package io.mall.sessions;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives a bearer token that {@link VerifiedTokens} keeps its identity at once, on the thread the
 * request came in on. The JWT extension's own provider authenticates every request on a worker
 * thread, because its keys come from the user service's JWKS over HTTP and a check may have to
 * fetch them: two hand-offs between threads per request for what is, after a token's first use, a
 * map lookup. A token not kept (new, expired, never valid) is not decided here: it goes on to the
 * JWT extension's provider, which verifies it on a worker thread and keeps it if it passes. The
 * revoked-session check ({@link RevokedSessionCheck}) runs after either.
 */
@ApplicationScoped
public class KnownTokenIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    /** Attribute under which the JWT extension puts the token, as the identity's user. */
    private static final String USER = "quarkus.user";

    private final VerifiedTokens tokens;

    KnownTokenIdentities(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        JsonWebToken token = tokens.verifiedBefore(credential.getToken());
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        // the identity the JWT extension builds for a token: the token is the principal, its groups the roles
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(credential)
                .addRoles(token.getGroups())
                .addAttribute(USER, token);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Before every provider Quarkus registers, the JWT extension's included. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1;
    }
}

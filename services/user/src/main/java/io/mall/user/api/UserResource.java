package io.mall.user.api;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.problem.ProblemException;
import io.mall.user.domain.Language;
import io.mall.user.domain.Role;
import io.mall.user.app.Accounts;
import io.mall.user.store.Export;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Accounts: registering, the signed-in shopper's own profile ({@code /me}), and staff tools
 * (SUPPORT reads, ADMIN changes roles and locks).
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final Accounts accounts;
    private final JsonWebToken caller;

    UserResource(Accounts accounts, JsonWebToken caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @PermitAll
    public Uni<RestResponse<AccountResponse>> register(@Valid @NotNull Requests.Register request) {
        Language locale = request.locale() != null ? request.locale() : Language.ko;
        return accounts.register(request.email(), request.password(), request.displayName(), request.phone(), locale,
                Set.of(Role.CUSTOMER))
                .map(account -> RestResponse.ResponseBuilder.<AccountResponse>created(URI.create("/api/v1/users/" + account.id()))
                        .entity(AccountResponse.of(account)).build());
    }

    @GET
    @Path("/me")
    @RolesAllowed("CUSTOMER")
    public Uni<AccountResponse> me() {
        return accounts.find(callerId()).map(AccountResponse::of);
    }

    @PATCH
    @Path("/me")
    @RolesAllowed("CUSTOMER")
    public Uni<AccountResponse> updateMe(@Valid @NotNull Requests.ProfileChange change) {
        return accounts.updateProfile(callerId(), new Accounts.ProfileChange(change.displayName(), change.phone(), change.locale()))
                .map(AccountResponse::of);
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed("CUSTOMER")
    @ResponseStatus(204)
    public Uni<Void> changePassword(@Valid @NotNull Requests.PasswordChange change, HttpServerRequest http) {
        return accounts.changePassword(callerId(), callerSession(), change.currentPassword(), change.newPassword(),
                http.remoteAddress().hostAddress());
    }

    @GET
    @Path("/me/export")
    @RolesAllowed("CUSTOMER")
    public Uni<Export> export() {
        return accounts.export(callerId());
    }

    @DELETE
    @Path("/me")
    @RolesAllowed("CUSTOMER")
    @ResponseStatus(204)
    public Uni<Void> erase(@Valid @NotNull Requests.Erasure request, HttpServerRequest http) {
        return accounts.erase(callerId(), request.password(), http.remoteAddress().hostAddress());
    }

    @GET
    @RolesAllowed({ "SUPPORT", "ADMIN" })
    public Uni<Accounts.Page> search(
            @QueryParam("q") @Size(max = 254) String text,
            @QueryParam("role") Role role,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return accounts.search(text, role, page, size);
    }

    @GET
    @Path("/{id: " + UUID_PATTERN + "}")
    @RolesAllowed({ "SUPPORT", "ADMIN" })
    public Uni<AccountResponse> find(@PathParam("id") UUID id) {
        return accounts.find(id).map(AccountResponse::of);
    }

    @PUT
    @Path("/{id: " + UUID_PATTERN + "}/roles")
    @RolesAllowed("ADMIN")
    public Uni<AccountResponse> changeRoles(@PathParam("id") UUID id, @Valid @NotNull Requests.RolesChange change) {
        return accounts.changeRoles(id, change.roles()).map(AccountResponse::of);
    }

    @PUT
    @Path("/{id: " + UUID_PATTERN + "}/lock")
    @RolesAllowed("ADMIN")
    public Uni<AccountResponse> lock(@PathParam("id") UUID id) {
        return accounts.lock(id, true).map(AccountResponse::of);
    }

    @DELETE
    @Path("/{id: " + UUID_PATTERN + "}/lock")
    @RolesAllowed("ADMIN")
    public Uni<AccountResponse> unlock(@PathParam("id") UUID id) {
        return accounts.lock(id, false).map(AccountResponse::of);
    }

    private UUID callerId() {
        try {
            return UUID.fromString(caller.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            // a token from a trusted issuer, but not for an account of this service
            throw ProblemException.notFound("no account for this token");
        }
    }

    private UUID callerSession() {
        String sid = caller.getClaim("sid");
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.mall.testing.probe;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Exists only on the test classpath: endpoints with the shapes every service has (secured by role,
 * validated body, unexpected failure) so {@link io.mall.testing.PlatformContractTest} can check the
 * platform behaviour of a service before that service has endpoints of its own.
 */
@Path("/test-probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Caller(String subject, String upn, java.util.Set<String> groups) {
    }

    public record Item(@NotBlank @Size(max = 20) String name, @Min(1) @Max(99) int quantity) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @Path("/customer")
    @RolesAllowed("CUSTOMER")
    public Caller customer() {
        return new Caller(token.getSubject(), token.getName(), token.getGroups());
    }

    @GET
    @Path("/admin")
    @RolesAllowed("ADMIN")
    public Caller admin() {
        return new Caller(token.getSubject(), token.getName(), token.getGroups());
    }

    @GET
    @Path("/service")
    @RolesAllowed("SERVICE")
    public Caller service() {
        return new Caller(token.getSubject(), token.getName(), token.getGroups());
    }

    /** Says nothing about who may call it: with deny-unannotated-endpoints, nobody may. */
    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "nobody should read this";
    }

    @POST
    @Path("/items")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Item echo(@Valid Item item) {
        return item;
    }

    @GET
    @Path("/items")
    @PermitAll
    public String list(@jakarta.ws.rs.QueryParam("limit") @Min(1) @Max(100) int limit) {
        return "limit " + limit;
    }

    @GET
    @Path("/failure")
    @PermitAll
    public String failure() {
        throw new IllegalStateException("internal detail that must not reach clients");
    }

    /** A domain refusal of each kind, as a use case would let it through. */
    @GET
    @Path("/refusals/{kind}")
    @PermitAll
    public String refuse(@jakarta.ws.rs.PathParam("kind") String kind) {
        throw switch (kind) {
            case "not-found" -> new io.mall.domain.NotFound("no such thing");
            case "conflict" -> new io.mall.domain.Conflict("it is at version 3, not 2");
            case "not-authenticated" -> new io.mall.domain.NotAuthenticated("the email or the password is wrong");
            case "not-permitted" -> new io.mall.domain.NotPermitted("this account is locked");
            case "unavailable" -> new io.mall.domain.Unavailable("the catalog cannot be reached; try again shortly");
            case "too-many" -> new io.mall.domain.TooManyAttempts("try again in 30 seconds", java.time.Duration.ofSeconds(30));
            default -> new io.mall.domain.BrokenRule("quantity", "must leave at least one unit");
        };
    }

    /** What a store client throws when more requests wait for a connection than its pool queues. */
    @GET
    @Path("/saturated")
    @PermitAll
    public String saturated() {
        throw new io.vertx.core.http.ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 24");
    }
}

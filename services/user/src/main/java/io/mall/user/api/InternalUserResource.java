package io.mall.user.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mall.user.app.Accounts;
import io.smallrye.mutiny.Uni;

/**
 * What another service may learn of an account when it needs it (the notification service, to
 * write to a shopper): events carry ids, not personal data, so an erased account is simply gone
 * here (404) instead of lingering in every consumer.
 */
@Path("/internal/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("SERVICE")
public class InternalUserResource {

    /** How to reach the person, in their language ({@code phone} for text messages, when they gave one). */
    public record Contact(UUID id, String email, String displayName, String phone, String locale) {
    }

    private final Accounts accounts;

    InternalUserResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("/{id}")
    public Uni<Contact> contact(@PathParam("id") UUID id) {
        return accounts.find(id).map(account -> new Contact(account.id(), account.email(), account.displayName(),
                account.phone(), account.locale().name()));
    }
}

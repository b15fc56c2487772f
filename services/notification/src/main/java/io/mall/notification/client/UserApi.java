package io.mall.notification.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** The user service's {@code /internal/users}, called with this service's own token. */
@RegisterRestClient(configKey = "user")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
interface UserApi {

    @GET
    @Path("/internal/users/{id}")
    Uni<Response> contact(@PathParam("id") UUID id);
}

package io.mall.notification.client.fcm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * Firebase Cloud Messaging's HTTP v1 API (https://fcm.googleapis.com), called with an OAuth2 token
 * of the project's service account, which the OIDC client {@code fcm} gets from Google with a
 * signed JWT assertion (the jwt-bearer grant) and renews before it expires.
 */
@RegisterRestClient(configKey = "fcm")
@OidcClientFilter("fcm")
@Consumes(MediaType.APPLICATION_JSON)
interface FcmApi {

    @POST
    @Path("/v1/projects/{project}/messages:send")
    Uni<Response> send(@PathParam("project") String project, JsonNode message);
}

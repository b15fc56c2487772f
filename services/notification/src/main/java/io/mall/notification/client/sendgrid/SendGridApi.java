package io.mall.notification.client.sendgrid;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** SendGrid's v3 Mail Send (https://api.sendgrid.com). */
@RegisterRestClient(configKey = "sendgrid")
@Consumes(MediaType.APPLICATION_JSON)
interface SendGridApi {

    @POST
    @Path("/v3/mail/send")
    Uni<Response> send(@HeaderParam("Authorization") String authorization, JsonNode mail);
}

package io.mall.notification.client.twilio;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** Twilio's Programmable Messaging, the 2010-04-01 API (https://api.twilio.com). */
@RegisterRestClient(configKey = "twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
interface TwilioApi {

    /** {@code From} or {@code MessagingServiceSid}: the one not used is null and left out of the form. */
    @POST
    @Path("/2010-04-01/Accounts/{account}/Messages.json")
    Uni<Response> send(@HeaderParam("Authorization") String authorization, @PathParam("account") String account,
            @FormParam("To") String to, @FormParam("From") String from,
            @FormParam("MessagingServiceSid") String messagingServiceSid, @FormParam("Body") String body);
}

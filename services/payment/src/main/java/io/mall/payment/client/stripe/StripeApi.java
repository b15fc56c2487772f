package io.mall.payment.client.stripe;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;


import io.smallrye.mutiny.Uni;

/**
 * The part of Stripe's REST API this service speaks: form-encoded requests, JSON answers, a
 * bearer secret key, and {@code Idempotency-Key} on everything that moves money. Answers of any
 * status come back as they are ({@code disable-default-mapper}), as text (an error page need not be
 * JSON): a 402 is a declined card to read.
 */
@RegisterRestClient(configKey = "stripe")
@Path("/v1")
interface StripeApi {

    @POST
    @Path("/payment_intents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> createPaymentIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);

    @GET
    @Path("/payment_intents/{id}")
    Uni<Response> paymentIntent(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @GET
    @Path("/payment_intents/search")
    Uni<Response> searchPaymentIntents(@HeaderParam("Authorization") String authorization,
            @QueryParam("query") String query);

    @POST
    @Path("/payment_intents/{id}/capture")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> capture(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, MultivaluedMap<String, String> form);

    @POST
    @Path("/payment_intents/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> cancel(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, MultivaluedMap<String, String> form);

    @POST
    @Path("/refunds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> refund(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);

    @GET
    @Path("/payment_methods/{id}")
    Uni<Response> paymentMethod(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}

package io.mall.payment.client.paypal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The part of PayPal's REST API the wallet flow needs: an OAuth2 client-credentials token, Orders
 * v2 (create, read, capture), refunds of a capture, and webhook verification. Every request that
 * moves money carries {@code PayPal-Request-Id}, PayPal's idempotency key. Answers of any status
 * come back as they are ({@code disable-default-mapper}), as text, read as JSON by the gateway.
 */
@RegisterRestClient(configKey = "paypal")
interface PayPalApi {

    @POST
    @Path("/v1/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> token(@HeaderParam("Authorization") String basic, @FormParam("grant_type") String grantType);

    @POST
    @Path("/v2/checkout/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createOrder(@HeaderParam("Authorization") String bearer, @HeaderParam("PayPal-Request-Id") String requestId,
            @HeaderParam("Prefer") String prefer, JsonNode order);

    @GET
    @Path("/v2/checkout/orders/{id}")
    Uni<Response> order(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/v2/checkout/orders/{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> capture(@HeaderParam("Authorization") String bearer, @HeaderParam("PayPal-Request-Id") String requestId,
            @HeaderParam("Prefer") String prefer, @PathParam("id") String id, JsonNode empty);

    @POST
    @Path("/v2/payments/captures/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> refund(@HeaderParam("Authorization") String bearer, @HeaderParam("PayPal-Request-Id") String requestId,
            @PathParam("id") String captureId, JsonNode refund);

    @POST
    @Path("/v1/notifications/verify-webhook-signature")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> verifyWebhookSignature(@HeaderParam("Authorization") String bearer, JsonNode verification);
}

package io.mall.shipping.client.fedex;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * FedEx's Ship and Track APIs. Each call carries a bearer token from FedEx's OAuth endpoint
 * (client credentials), which the {@code fedex} OIDC client fetches and renews. Answers of any
 * status come back as they are.
 */
@RegisterRestClient(configKey = "fedex")
@OidcClientFilter("fedex")
@Consumes(MediaType.APPLICATION_JSON)
interface FedexApi {

    @POST
    @Path("/ship/v1/shipments")
    Uni<Response> createShipment(JsonNode shipment);

    @PUT
    @Path("/ship/v1/shipments/cancel")
    Uni<Response> cancelShipment(JsonNode cancel);

    @POST
    @Path("/track/v1/trackingnumbers")
    Uni<Response> track(JsonNode request);
}

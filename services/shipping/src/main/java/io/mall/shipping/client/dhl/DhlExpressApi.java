package io.mall.shipping.client.dhl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** DHL Express's MyDHL API (3.x): a shipment and its label. Answers of any status come back as they are. */
@RegisterRestClient(configKey = "dhl-express")
interface DhlExpressApi {

    @POST
    @Path("/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createShipment(@HeaderParam("Authorization") String basic, @HeaderParam("x-version") String version,
            @HeaderParam("Message-Reference") String reference, JsonNode shipment);
}

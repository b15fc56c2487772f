package io.mall.shipping.client.dhl;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** DHL's Shipment Tracking – Unified API. Answers of any status come back as they are. */
@RegisterRestClient(configKey = "dhl-tracking")
interface DhlTrackingApi {

    @GET
    @Path("/track/shipments")
    Uni<Response> shipments(@HeaderParam("DHL-API-Key") String apiKey, @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("service") String service);
}

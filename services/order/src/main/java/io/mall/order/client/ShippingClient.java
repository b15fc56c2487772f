package io.mall.order.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** The shipping service: a shopper's address (is it theirs?) and the quote that prices the shipping. */
@RegisterRestClient(configKey = "shipping")
@OidcClientFilter
public interface ShippingClient {

    record Address(UUID id, String country, String postalCode, String region, String city, String line1, String line2) {
    }

    record QuoteRequest(Destination destination, List<QuoteLine> lines, long subtotalMinor, String currency) {
    }

    record Destination(String country, String postalCode, String region, String city, String line1, String line2) {
    }

    record QuoteLine(String sku, int quantity) {
    }

    record Offer(long weightGrams, int scheduleVersion, List<Option> options) {
    }

    record Option(String option, long fee, String currency, LocalDate promisedBy) {
    }

    /** The address if it is the shopper's; 404 otherwise. */
    @GET
    @Path("/internal/addresses/{id}")
    Uni<Address> address(@PathParam("id") UUID id, @QueryParam("userId") UUID userId);

    @POST
    @Path("/api/v1/shipping/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Offer> quote(QuoteRequest request);
}

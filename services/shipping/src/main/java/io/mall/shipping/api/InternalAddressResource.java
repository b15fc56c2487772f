package io.mall.shipping.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.mall.shipping.app.AddressBook;
import io.smallrye.mutiny.Uni;

/**
 * For the order service, which copies the shipping address onto an order when it is placed: one
 * address of one shopper. Another shopper's address is as unknown as one that does not exist, so
 * an order can only ship to its own shopper's address.
 */
@Path("/internal/addresses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("SERVICE")
public class InternalAddressResource {

    private final AddressBook book;

    InternalAddressResource(AddressBook book) {
        this.book = book;
    }

    @GET
    @Path("/{id}")
    public Uni<AddressResource.AddressView> find(@PathParam("id") UUID id, @QueryParam("userId") @NotNull UUID userId) {
        return book.find(userId, id).map(AddressResource.AddressView::of);
    }
}

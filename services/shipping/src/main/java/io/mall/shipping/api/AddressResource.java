package io.mall.shipping.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.domain.NotAuthenticated;
import io.mall.shipping.app.AddressBook;
import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Recipient;
import io.smallrye.mutiny.Uni;

/** A shopper's own address book; another shopper's address is 404. */
@Path("/api/v1/addresses")
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    /**
     * An address as typed. Korea ({@code KR}): {@code postalCode} (five digits), {@code line1} the
     * road-name address, {@code line2} the detail. Elsewhere: {@code city} and {@code line1} at
     * least, {@code region} and {@code postalCode} where the country has them.
     */
    public record AddressForm(@Size(max = 40) String label, @NotNull @Size(max = 100) String recipientName,
            @NotNull @Size(max = 30) String phone, @NotNull @Size(max = 2) String country, @Size(max = 12) String postalCode,
            @Size(max = 100) String region, @Size(max = 100) String city, @NotNull @Size(max = 200) String line1,
            @Size(max = 200) String line2, Boolean isDefault) {
    }

    /** Where a parcel goes, without who receives it (a quote needs no more). */
    public record DestinationForm(@NotNull @Size(max = 2) String country, @Size(max = 12) String postalCode,
            @Size(max = 100) String region, @Size(max = 100) String city, @NotNull @Size(max = 200) String line1,
            @Size(max = 200) String line2) {
    }

    public record AddressView(UUID id, String label, String recipientName, String phone, String country, String postalCode,
            String region, String city, String line1, String line2, boolean isDefault, Instant createdAt, Instant updatedAt) {

        static AddressView of(AddressBook.Entry entry) {
            var address = entry.address();
            return new AddressView(address.id, address.label, entry.recipient().name(), entry.recipient().phone(), address.country,
                    address.postalCode, address.region, address.city, address.line1, address.line2, address.isDefault,
                    address.createdAt, address.updatedAt);
        }
    }

    private final AddressBook book;
    private final JsonWebToken caller;

    AddressResource(AddressBook book, JsonWebToken caller) {
        this.book = book;
        this.caller = caller;
    }

    /** The default first, then newest first. */
    @GET
    @RolesAllowed("CUSTOMER")
    public Uni<List<AddressView>> list() {
        return book.of(shopper()).map(entries -> entries.stream().map(AddressView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("CUSTOMER")
    public Uni<AddressView> find(@PathParam("id") UUID id) {
        return book.find(shopper(), id).map(AddressView::of);
    }

    /** The first address becomes the default; {@code isDefault: true} makes a later one the default. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("CUSTOMER")
    public Uni<RestResponse<AddressView>> add(@Valid @NotNull AddressForm form) {
        return book.add(shopper(), form.label(), where(form), who(form), Boolean.TRUE.equals(form.isDefault()))
                .map(entry -> RestResponse.ResponseBuilder.<AddressView>created(URI.create("/api/v1/addresses/" + entry.address().id))
                        .entity(AddressView.of(entry)).build());
    }

    /** Replaces the address; {@code isDefault: true} also makes it the default (false leaves that as it is). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("CUSTOMER")
    public Uni<AddressView> change(@PathParam("id") UUID id, @Valid @NotNull AddressForm form) {
        return book.change(shopper(), id, form.label(), where(form), who(form), Boolean.TRUE.equals(form.isDefault()))
                .map(AddressView::of);
    }

    @POST
    @Path("/{id}/default")
    @RolesAllowed("CUSTOMER")
    public Uni<AddressView> makeDefault(@PathParam("id") UUID id) {
        return book.makeDefault(shopper(), id).map(AddressView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("CUSTOMER")
    @ResponseStatus(204)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return book.delete(shopper(), id);
    }

    private static PostalAddress where(AddressForm form) {
        return PostalAddress.of(form.country(), form.postalCode(), form.region(), form.city(), form.line1(), form.line2());
    }

    private static Recipient who(AddressForm form) {
        return Recipient.of(form.recipientName(), form.phone());
    }

    private UUID shopper() {
        try {
            return UUID.fromString(caller.getSubject());
        } catch (RuntimeException e) {
            throw new NotAuthenticated("the token does not name a shopper");
        }
    }
}

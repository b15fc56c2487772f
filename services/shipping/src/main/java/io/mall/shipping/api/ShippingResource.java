package io.mall.shipping.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;

import io.mall.shipping.app.FeeRules;
import io.mall.shipping.app.Quotes;
import io.mall.shipping.domain.FeeSchedule;
import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Quote;
import io.smallrye.mutiny.Uni;

/** Shipping options and what they cost: quotes for anyone, the fee rules for anyone to read and ADMIN to change. */
@Path("/api/v1/shipping")
@Produces(MediaType.APPLICATION_JSON)
public class ShippingResource {

    public record LineForm(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(1_000) int quantity) {
    }

    /** Where to and what: the address as in the address book, the order's lines and its subtotal. */
    public record QuoteForm(@NotNull @Valid AddressResource.DestinationForm destination,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid LineForm> lines, @PositiveOrZero long subtotalMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    public record OptionView(String option, long fee, long baseFee, long premium, List<Quote.Surcharge> surcharges, String currency,
            LocalDate promisedBy) {

        static OptionView of(Quote quote) {
            return new OptionView(quote.option().name(), quote.fee(), quote.baseFee(), quote.premium(), quote.surcharges(),
                    quote.currency(), quote.promisedBy());
        }
    }

    public record QuoteView(long weightGrams, int scheduleVersion, List<OptionView> options) {
    }

    private final Quotes quotes;
    private final FeeRules rules;
    private final JsonWebToken caller;

    ShippingResource(Quotes quotes, FeeRules rules, JsonWebToken caller) {
        this.quotes = quotes;
        this.rules = rules;
        this.caller = caller;
    }

    /** Every option offered now for these lines to this address, with fee and promised date. */
    @POST
    @Path("/quotes")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<QuoteView> quote(@Valid @NotNull QuoteForm form) {
        var where = form.destination();
        PostalAddress destination = PostalAddress.of(where.country(), where.postalCode(), where.region(), where.city(),
                where.line1(), where.line2());
        return quotes.quote(destination, form.lines().stream().map(line -> new Quotes.Line(line.sku(), line.quantity())).toList(),
                form.subtotalMinor(), form.currency())
                .map(offer -> new QuoteView(offer.weightGrams(), offer.scheduleVersion(),
                        offer.options().stream().map(OptionView::of).toList()));
    }

    /** The fee rules in force. */
    @GET
    @Path("/fee-schedule")
    @PermitAll
    public Uni<FeeSchedule> feeSchedule() {
        return rules.current();
    }

    @GET
    @Path("/fee-schedules/{version}")
    @PermitAll
    public Uni<FeeSchedule> feeSchedule(@PathParam("version") @Min(1) int version) {
        return rules.version(version);
    }

    /** New rules, whole, as the next version; quotes use them from now on. */
    @PUT
    @Path("/fee-schedule")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FeeSchedule> publish(@NotNull JsonNode schedule) {
        return rules.publish(schedule, caller.getSubject());
    }
}

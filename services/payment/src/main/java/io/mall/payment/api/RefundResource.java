package io.mall.payment.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.idempotency.IdempotencyKeys;
import io.mall.payment.app.Ledger;
import io.mall.payment.app.Refunds;
import io.smallrye.mutiny.Uni;

/** Refunds: made by ADMIN (full or partial, never more than captured), read by their shopper and by staff. */
@Path("/api/v1/refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final Refunds refunds;
    private final Ledger ledger;
    private final IdempotencyKeys idempotency;
    private final JsonWebToken caller;

    RefundResource(Refunds refunds, Ledger ledger, IdempotencyKeys idempotency, JsonWebToken caller) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /**
     * Gives {@code amountMinor} of a captured payment back, with a reason. Needs an
     * {@code Idempotency-Key}: the same key refunds once, however often it is sent.
     */
    @POST
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<Views.RefundView>> refund(@RestHeader(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull Requests.RefundRequest request) {
        return idempotency.once(key, true, caller.getSubject(), "POST /api/v1/refunds", request, Views.RefundView.class,
                () -> refunds.refund(request.paymentId(), UUID.randomUUID(), request.amountMinor(), request.currency(),
                        request.reason(), caller.getSubject())
                        .map(refund -> RestResponse.ResponseBuilder.<Views.RefundView>created(URI.create("/api/v1/refunds/" + refund.id))
                                .entity(Views.RefundView.of(refund)).build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<Views.RefundView> find(@PathParam("id") UUID id) {
        return ledger.refund(Callers.scope(caller, null), id).map(Views.RefundView::of);
    }
}

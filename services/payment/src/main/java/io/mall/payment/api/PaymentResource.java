package io.mall.payment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.idempotency.IdempotencyKeys;
import io.mall.payment.app.Cards;
import io.mall.payment.app.Ledger;
import io.mall.payment.app.Payments;
import io.smallrye.mutiny.Uni;

/**
 * Payments for shoppers and staff. A shopper sees their own payments, history and saved cards
 * (another's are 404); SUPPORT and ADMIN read everyone's; only ADMIN moves money by hand. Payments
 * themselves start from the order saga ({@code payment.commands}), not from here.
 */
@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final Ledger ledger;
    private final Payments payments;
    private final Cards cards;
    private final IdempotencyKeys idempotency;
    private final JsonWebToken caller;

    PaymentResource(Ledger ledger, Payments payments, Cards cards, IdempotencyKeys idempotency, JsonWebToken caller) {
        this.ledger = ledger;
        this.payments = payments;
        this.cards = cards;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** Newest first. A shopper's list is their own; staff may filter by {@code userId}. */
    @GET
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<Views.PageView<Views.PaymentView>> list(@QueryParam("orderId") UUID orderId, @QueryParam("userId") UUID userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return ledger.payments(Callers.scope(caller, userId), orderId, page, size)
                .map(found -> new Views.PageView<>(found.items().stream().map(Views.PaymentView::of).toList(), found.total(), page, size));
    }

    /** One payment with its refunds and the gateway operations made for it. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<Views.PaymentView> find(@PathParam("id") UUID id) {
        return ledger.payment(Callers.scope(caller, null), id).map(Views.PaymentView::of);
    }

    /** The history of gateway operations, newest first: a shopper's own, or (staff) anyone's or one order's. */
    @GET
    @Path("/transactions")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<List<Views.TransactionView>> transactions(@QueryParam("orderId") UUID orderId, @QueryParam("userId") UUID userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return ledger.transactions(Callers.scope(caller, userId), orderId, page, size)
                .map(found -> found.stream().map(Views.TransactionView::of).toList());
    }

    /** Takes held money (all of it, or {@code amountMinor} of it). Needs an {@code Idempotency-Key}. */
    @POST
    @Path("/{id}/capture")
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<Views.PaymentView>> capture(@PathParam("id") UUID id, @RestHeader(IdempotencyKeys.HEADER) String key,
            @Valid Requests.Capture request) {
        Long amount = request == null ? null : request.amountMinor();
        return idempotency.once(key, true, caller.getSubject(), "POST /api/v1/payments/" + id + "/capture", request,
                Views.PaymentView.class, () -> ledger.payment(null, id)
                        .chain(detail -> payments.capture(detail.payment().orderId, amount))
                        .map(payment -> RestResponse.ok(Views.PaymentView.of(payment))));
    }

    /** Releases held money or ends a wait for the shopper; nothing captured may be cancelled (refund it). */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<Views.PaymentView>> cancel(@PathParam("id") UUID id, @RestHeader(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull Requests.Cancel request) {
        return idempotency.once(key, true, caller.getSubject(), "POST /api/v1/payments/" + id + "/cancel", request,
                Views.PaymentView.class, () -> ledger.payment(null, id)
                        .chain(detail -> payments.cancel(detail.payment().orderId, request.reason()))
                        .map(payment -> RestResponse.ok(Views.PaymentView.of(payment))));
    }

    @GET
    @Path("/cards")
    @RolesAllowed("CUSTOMER")
    public Uni<List<Views.CardView>> myCards() {
        return cards.of(Callers.self(caller)).map(found -> found.stream().map(Views.CardView::of).toList());
    }

    /** Keeps a card for later orders, by the token the gateway's card form gave. */
    @POST
    @Path("/cards")
    @RolesAllowed("CUSTOMER")
    public Uni<RestResponse<Views.CardView>> saveCard(@Valid @NotNull Requests.SaveCard request) {
        return cards.save(Callers.self(caller), request.token()).map(card -> RestResponse.ResponseBuilder
                .<Views.CardView>created(URI.create("/api/v1/payments/cards/" + card.id)).entity(Views.CardView.of(card)).build());
    }

    @DELETE
    @Path("/cards/{id}")
    @RolesAllowed("CUSTOMER")
    @ResponseStatus(204)
    public Uni<Void> deleteCard(@PathParam("id") UUID id) {
        return cards.delete(Callers.self(caller), id);
    }
}

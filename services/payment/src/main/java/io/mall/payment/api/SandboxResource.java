package io.mall.payment.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.mall.domain.NotFound;
import io.mall.payment.PaymentConfig;
import io.mall.payment.app.SandboxBank;
import io.mall.payment.client.sandbox.SandboxGateway;
import io.smallrye.mutiny.Uni;

/**
 * The built-in sandbox gateway's public side, served only while the sandbox is a configured
 * gateway (404 otherwise): the card form's tokenisation (the one place a card number is ever
 * sent), the bank's deposit into a virtual account, and the wallet's approve and cancel buttons.
 */
@Path("/api/v1/payments/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    private final SandboxBank bank;
    private final boolean enabled;

    SandboxResource(SandboxBank bank, PaymentConfig config) {
        this.bank = bank;
        this.enabled = SandboxGateway.NAME.equals(config.cardGateway()) || SandboxGateway.NAME.equals(config.walletGateway())
                || SandboxGateway.NAME.equals(config.bankTransferGateway());
    }

    /** As a gateway's card form (Stripe Elements) does: the card in, a token out. */
    @POST
    @Path("/tokens")
    @PermitAll
    public Uni<RestResponse<Views.TokenView>> tokenise(@Valid @NotNull Requests.CardForm card) {
        requireEnabled();
        return bank.tokenise(card.number(), card.expMonth(), card.expYear())
                .map(details -> RestResponse.status(RestResponse.Status.CREATED, Views.TokenView.of(details)));
    }

    /** The shopper's bank pays into the virtual account: exactly the amount owed, before it expires. */
    @POST
    @Path("/deposits")
    @PermitAll
    public Uni<Views.PaymentView> deposit(@Valid @NotNull Requests.Deposit deposit) {
        requireEnabled();
        return bank.deposit(deposit.accountNumber(), deposit.amountMinor()).map(Views.PaymentView::of);
    }

    @POST
    @Path("/wallet/{reference}/approve")
    @PermitAll
    public Uni<Views.PaymentView> approve(@PathParam("reference") @Pattern(regexp = "wal_[0-9a-f]{24}") String reference) {
        requireEnabled();
        return bank.walletDecision(reference, true).map(Views.PaymentView::of);
    }

    @POST
    @Path("/wallet/{reference}/cancel")
    @PermitAll
    public Uni<Views.PaymentView> cancel(@PathParam("reference") @Pattern(regexp = "wal_[0-9a-f]{24}") String reference) {
        requireEnabled();
        return bank.walletDecision(reference, false).map(Views.PaymentView::of);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFound("there is no sandbox gateway here");
        }
    }
}

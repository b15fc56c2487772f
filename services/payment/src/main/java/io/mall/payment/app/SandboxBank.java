package io.mall.payment.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.domain.NotFound;
import io.mall.payment.client.sandbox.SandboxGateway;
import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.Payment;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The other side of the built-in sandbox gateway, for local runs and tests: the card form that
 * tokenises a card, the bank that pays into virtual accounts (on request, or by itself after
 * {@code mall.payment.sandbox.deposit-after}), and the wallet page where a shopper approves. Each
 * tells the payments what happened, as a real gateway's notification would.
 */
@ApplicationScoped
public class SandboxBank {

    private static final Logger LOG = Logger.getLogger(SandboxBank.class);

    private final SandboxGateway sandbox;
    private final Payments payments;

    SandboxBank(SandboxGateway sandbox, Payments payments) {
        this.sandbox = sandbox;
        this.payments = payments;
    }

    public Uni<CardDetails> tokenise(String number, int expMonth, int expYear) {
        return sandbox.tokenise(number, expMonth, expYear);
    }

    /** A deposit of exactly the amount owed, before the account expires; anything else is not accepted. */
    public Uni<Payment> deposit(String accountNumber, long amountMinor) {
        return sandbox.deposit(accountNumber, amountMinor).chain(reference -> payments.notified(SandboxGateway.NAME,
                reference.orElseThrow(() -> new NotFound("no open virtual account " + accountNumber + " awaits " + amountMinor))));
    }

    public Uni<Payment> walletDecision(String reference, boolean approved) {
        return sandbox.walletDecision(reference, approved).chain(changed -> {
            if (!changed) {
                throw new NotFound("no wallet payment " + reference + " awaits approval");
            }
            return approved ? payments.notified(SandboxGateway.NAME, reference) : payments.shopperDeclined(SandboxGateway.NAME, reference);
        });
    }

    @Scheduled(every = "5s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> payDueDeposits() {
        return sandbox.depositsDue().chain(references -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String reference : references) {
                all = all.chain(() -> payments.notified(SandboxGateway.NAME, reference).onFailure().recoverWithNull().replaceWithVoid());
            }
            return all;
        }).onFailure().recoverWithUni(failure -> {
            LOG.debugf("sandbox deposits: %s", failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }
}

package io.mall.payment.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.payment.PaymentConfig;
import io.mall.payment.domain.Payment;
import io.mall.payment.store.PaymentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * What no request is waiting for any more: charges whose answer never came (looked up at the
 * gateway), refunds whose answer never came (sent again with their key), and waits for a deposit
 * or an approval that ran out (closed, the payment failed). Any replica may run it; each payment
 * is changed under its row lock, so two replicas at once change it once.
 */
@ApplicationScoped
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);
    private static final int BATCH = 100;

    private final PaymentRepository payments;
    private final Payments charges;
    private final Refunds refunds;
    private final PaymentConfig config;
    private final Clock clock;

    Recovery(PaymentRepository payments, Payments charges, Refunds refunds, PaymentConfig config, Clock clock) {
        this.payments = payments;
        this.charges = charges;
        this.refunds = refunds;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${mall.payment.recovery-interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        // an answer may still be on its way for a moment: only what waits longer than a gateway timeout is looked at
        Instant stale = now.minus(config.gatewayTimeout()).minus(config.gatewayTimeout());
        return each(Panache.withSession(() -> payments.unanswered(stale, BATCH)), payment -> charges.resolve(payment.id))
                .chain(() -> each(Panache.withSession(() -> payments.expired(now, BATCH)), payment -> charges.expire(payment.id)))
                .chain(() -> refunds.sendUnanswered(stale).replaceWithVoid())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("payment recovery: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static Uni<Void> each(Uni<List<Payment>> found, Function<Payment, Uni<Payment>> action) {
        return found.chain(list -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Payment payment : list) {
                all = all.chain(() -> action.apply(payment).onFailure().invoke(failure ->
                        LOG.warnf("payment %s: %s", payment.id, failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid());
            }
            return all;
        });
    }
}

package io.mall.product.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.mall.contracts.EventTypes;
import io.mall.contracts.product.CommitStock;
import io.mall.contracts.product.ReleaseStock;
import io.mall.contracts.product.ReserveStock;
import io.mall.messaging.ContractViolation;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.domain.DomainException;
import io.mall.product.app.Inventory;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The order saga's requests on {@code product.commands}. Each is idempotent per order id, so a
 * redelivered command repeats its outcome (and its reply event) without holding stock twice.
 */
@ApplicationScoped
public class StockCommands {

    private static final Logger LOG = Logger.getLogger(StockCommands.class);
    private static final String CONSUMER = "product-commands";

    private final Inventory inventory;
    private final Inbox inbox;

    StockCommands(Inventory inventory, Inbox inbox) {
        this.inventory = inventory;
        this.inbox = inbox;
    }

    @Incoming("product-commands")
    public Uni<Void> handle(Message<String> message) {
        return inbox.process(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope command) {
        Uni<?> outcome = switch (command.type()) {
            case EventTypes.RESERVE_STOCK -> {
                ReserveStock reserve = command.data(ReserveStock.class);
                yield inventory.reserve(reserve.orderId(), reserve.lines());
            }
            case EventTypes.RELEASE_STOCK -> inventory.release(command.data(ReleaseStock.class).orderId(), false);
            case EventTypes.COMMIT_STOCK -> inventory.commit(command.data(CommitStock.class).orderId());
            default -> throw new ContractViolation("product.commands carries no command of type '" + command.type() + "'");
        };
        // a refusal (commit of a rejected order) is an answer, not a reason to retry
        return outcome.onFailure(DomainException.class).recoverWithItem(problem -> {
            LOG.warnf("product.commands: %s refused: %s", command, problem.getMessage());
            return null;
        }).replaceWithVoid();
    }

    /** Holds that ran out of time go back on sale. */
    @Scheduled(every = "${mall.product.expiry-check}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expireReservations() {
        return inventory.expire().onFailure().recoverWithItem(failure -> {
            LOG.warnf("reservation expiry: %s", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }
}

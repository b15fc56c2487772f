package io.mall.product.messaging;


import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventTypes;
import io.mall.contracts.product.CommitStock;
import io.mall.contracts.product.ReleaseStock;
import io.mall.contracts.product.ReserveStock;
import io.mall.problem.ProblemException;
import io.mall.product.store.Inventory;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The order saga's requests on {@code product.commands}. Each is idempotent per order id, so a
 * redelivered command repeats its outcome (and its reply event) without holding stock twice.
 */
@ApplicationScoped
public class StockCommands {

    private static final Logger LOG = Logger.getLogger(StockCommands.class);

    private final Inventory inventory;
    private final ObjectMapper json;

    StockCommands(Inventory inventory, ObjectMapper json) {
        this.inventory = inventory;
        this.json = json;
    }

    @Incoming("product-commands")
    public Uni<Void> handle(String message) {
        JsonNode envelope;
        try {
            envelope = json.readTree(message);
        } catch (Exception e) {
            LOG.errorf("product.commands: skipped a message that is not JSON: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String type = envelope.path("type").asText();
        JsonNode data = envelope.path("data");
        try {
            Uni<?> outcome = switch (type) {
                case EventTypes.RESERVE_STOCK -> {
                    ReserveStock reserve = read(data, ReserveStock.class);
                    yield inventory.reserve(reserve.orderId(), reserve.lines());
                }
                case EventTypes.RELEASE_STOCK -> inventory.release(read(data, ReleaseStock.class).orderId(), false);
                case EventTypes.COMMIT_STOCK -> inventory.commit(read(data, CommitStock.class).orderId());
                default -> {
                    LOG.warnf("product.commands: skipped unknown command type '%s'", type);
                    yield Uni.createFrom().voidItem();
                }
            };
            // a refusal (commit of a rejected order) is an answer, not a reason to retry forever
            return outcome.onFailure(ProblemException.class).recoverWithItem(problem -> {
                LOG.warnf("product.commands: %s for %s refused: %s", type, envelope.path("subject").asText(), problem.getMessage());
                return null;
            }).replaceWithVoid();
        } catch (IllegalArgumentException e) {
            LOG.errorf("product.commands: skipped a malformed %s: %s", type, e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }

    private <T> T read(JsonNode data, Class<T> type) {
        T value = json.convertValue(data, type);
        if (value == null) {
            throw new IllegalArgumentException("no data");
        }
        return value;
    }

    /** Holds that ran out of time go back on sale. */
    @Scheduled(every = "${mall.product.expiry-check:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireReservations() {
        return inventory.expire().onFailure().recoverWithItem(failure -> {
            LOG.warnf("reservation expiry: %s", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

}

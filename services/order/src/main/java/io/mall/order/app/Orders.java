package io.mall.order.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.domain.NotFound;
import io.mall.order.OrderConfig;
import io.mall.order.domain.Order;
import io.mall.order.domain.OrderEvent;
import io.mall.order.domain.Saga;
import io.mall.order.domain.SagaCommand;
import io.mall.order.store.OrderEventStore;
import io.mall.order.store.OrderViews;
import io.mall.order.store.OutboxRelay;
import io.mall.order.store.PaymentInstructions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Every change to an order, one way: in one transaction the order is loaded (snapshot and events),
 * the domain decides the events, they are folded, the saga's commands for them go to the outbox,
 * the events are appended after the version that was read, and the read model follows. Two changes
 * decided on the same version cannot both be written; the later one decides again on the new state.
 */
@ApplicationScoped
public class Orders {

    private static final Logger LOG = Logger.getLogger(Orders.class);
    private static final int ATTEMPTS = 5;

    private final Pool database;
    private final OrderEventStore events;
    private final OrderViews views;
    private final PaymentInstructions instructions;
    private final SagaMessages messages;
    private final OutboxRelay relay;
    private final SagaMeter meter;
    private final Order.Deadlines deadlines;
    private final Clock clock;

    Orders(Pool database, OrderEventStore events, OrderViews views, PaymentInstructions instructions, SagaMessages messages,
            OutboxRelay relay, OrderConfig config, Clock clock, SagaMeter meter) {
        this.meter = meter;
        this.database = database;
        this.events = events;
        this.views = views;
        this.instructions = instructions;
        this.messages = messages;
        this.relay = relay;
        this.deadlines = config.deadlines();
        this.clock = clock;
    }

    /** Writes a new order's first event, with how it is paid for (kept apart until the charge). */
    Uni<Order> start(UUID orderId, OrderEvent.Placed placed, PaymentInstructions.Instruction payment, UUID requestId) {
        return change(orderId, requestId, order -> {
            if (order.version > 0) {
                throw new io.mall.domain.Conflict("order " + orderId + " exists");
            }
            return List.of(placed);
        }, connection -> instructions.keep(connection, orderId, payment), true);
    }

    /** A reply of another service: an event if the order waits for it, nothing if not (a repeat, a late one, not ours). */
    public Uni<Void> reply(UUID orderId, UUID messageId, Function<Order, Optional<OrderEvent>> decision) {
        return change(orderId, messageId, order -> order.version == 0 ? List.of() : decision.apply(order).map(List::of).orElse(List.of()),
                null, false).replaceWithVoid();
    }

    /**
     * A shopper's or staff's request; {@code scope} is the shopper it must belong to (null: staff).
     * Another shopper's order is not found.
     */
    public Uni<Order> request(UUID orderId, UUID scope, UUID requestId, Function<Order, OrderEvent> decision) {
        return change(orderId, requestId, order -> {
            if (order.version == 0 || (scope != null && !order.belongsTo(scope))) {
                throw new NotFound("no order " + orderId);
            }
            return List.of(decision.apply(order));
        }, null, false);
    }

    /** The order as it is now, for {@code scope} (null: staff). */
    public Uni<Order> find(UUID orderId, UUID scope) {
        return events.load(database, orderId).map(order -> {
            if (order.version == 0 || (scope != null && !order.belongsTo(scope))) {
                throw new NotFound("no order " + orderId);
            }
            return order;
        });
    }

    /** The order folded from its events alone, without snapshots: to compare with the live state. */
    public Uni<Order> replayed(UUID orderId) {
        return events.replay(orderId);
    }

    /** The order's events, for its timeline. */
    public Uni<List<OrderEventStore.Stored>> timeline(UUID orderId, UUID scope) {
        return find(orderId, scope).chain(order -> events.history(orderId));
    }

    public Uni<OrderViews.Page> history(UUID scope, io.mall.order.domain.OrderStatus status, Instant from, Instant to, int page, int size) {
        return views.history(scope, status, from, to, page, size);
    }

    /** Trade over the Seoul days {@code from} to {@code to}, in {@code currency}. */
    public Uni<OrderViews.Statistics> statistics(Instant from, Instant to, String currency) {
        return views.statistics(from, to, currency, 10);
    }

    /** Fails the saga step of each order past its deadline, undoing what was done. */
    public Uni<Integer> expireDue(int limit) {
        Instant now = clock.instant();
        return views.due(now, limit).chain(due -> {
            Uni<Integer> count = Uni.createFrom().item(0);
            for (OrderViews.Due order : due) {
                count = count.chain(done -> reply(order.orderId(), null, current -> current.timeOut(order.step(), deadlines, now)
                        .map(timedOut -> {
                            meter.deadlinePassed(order.step());
                            return timedOut;
                        }))
                        .onFailure().invoke(failure -> LOG.warnf("order %s: deadline of %s not applied: %s", order.orderId(), order.step(),
                                failure.getMessage()))
                        .onFailure().recoverWithNull()
                        .replaceWith(done + 1));
            }
            return count;
        });
    }

    /**
     * Rebuilds the read model from the event table alone: every order folded from its events (no
     * snapshot), its row written again.
     */
    public Uni<Long> rebuildViews() {
        return database.withTransaction(connection -> views.clear(connection).chain(() -> rebuildFrom(connection, null, 0L)));
    }

    private Uni<Long> rebuildFrom(SqlConnection connection, UUID after, long done) {
        return events.orderIds(after, 500).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(done);
            }
            Uni<Void> page = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                page = page.chain(() -> events.replay(id).chain(order -> views.projectLines(connection, order)
                        .chain(() -> views.project(connection, order, order.deadline(deadlines).orElse(null)))));
            }
            return page.chain(() -> rebuildFrom(connection, ids.get(ids.size() - 1), done + ids.size()));
        });
    }

    private Uni<Order> change(UUID orderId, UUID causationId, Function<Order, List<OrderEvent>> decision,
            Function<SqlConnection, Uni<Void>> alsoFirst, boolean placing) {
        SagaMeter.Observed[] observed = new SagaMeter.Observed[1];
        boolean[] wrote = new boolean[1];
        return Uni.createFrom().deferred(() -> database.withTransaction(connection -> events.load(connection, orderId).chain(order -> {
            observed[0] = meter.observe();
            List<OrderEvent> decided = decision.apply(order);
            wrote[0] = !decided.isEmpty();
            if (decided.isEmpty()) {
                return Uni.createFrom().item(order);
            }
            Instant now = clock.instant();
            List<SagaCommand> commands = new ArrayList<>();
            for (OrderEvent event : decided) {
                Order before = order.copy();
                order.apply(event, order.version + 1, now);
                commands.addAll(Saga.after(before, event, order));
                meter.applied(observed[0], before, order, now);
            }
            // the placing request's id runs through every event of the order
            UUID correlation = placing ? causationId : order.correlationId;
            Uni<Void> first = alsoFirst == null ? Uni.createFrom().voidItem() : alsoFirst.apply(connection);
            return first
                    .chain(() -> events.append(connection, order, decided, now, causationId, correlation))
                    .chain(() -> messages.send(connection, order, commands, now))
                    .chain(() -> placing ? views.projectLines(connection, order) : Uni.createFrom().voidItem())
                    .chain(() -> views.project(connection, order, order.deadline(deadlines).orElse(null)))
                    .replaceWith(order);
        })))
                // decided on a version another writer has passed: decide again on the new one
                .onFailure(OrderEventStore.ConcurrentChange.class).retry().atMost(ATTEMPTS)
                // a reply that changed nothing (repeated, or about an order this service does not
                // know) left nothing to publish
                .invoke(() -> {
                    if (wrote[0]) {
                        relay.nudge();
                    }
                })
                // the attempt that committed is the one counted
                .invoke(() -> observed[0].record());
    }
}

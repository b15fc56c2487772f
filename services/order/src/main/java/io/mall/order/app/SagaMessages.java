package io.mall.order.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.order.OrderConfirmed;
import io.mall.contracts.order.OrderUpdated;
import io.mall.contracts.payment.CancelPayment;
import io.mall.contracts.payment.ChargePayment;
import io.mall.contracts.product.CommitStock;
import io.mall.contracts.product.ReleaseStock;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;
import io.mall.contracts.shipping.CancelShipment;
import io.mall.contracts.shipping.CreateShipment;
import io.mall.order.domain.Order;
import io.mall.order.domain.OrderStatus;
import io.mall.order.domain.SagaCommand;
import io.mall.order.store.Outbox;
import io.mall.order.store.PaymentInstructions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** The saga's commands as the other services' contracts, written to the outbox in the order's transaction. */
@ApplicationScoped
class SagaMessages {

    private final Outbox outbox;
    private final PaymentInstructions instructions;

    SagaMessages(Outbox outbox, PaymentInstructions instructions) {
        this.outbox = outbox;
        this.instructions = instructions;
    }

    Uni<Void> send(SqlClient connection, Order order, List<SagaCommand> commands, Instant now) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (SagaCommand command : commands) {
            all = all.chain(() -> send(connection, order, command, now));
        }
        return all;
    }

    private Uni<Void> send(SqlClient connection, Order order, SagaCommand command, Instant now) {
        UUID id = order.id;
        if (command instanceof SagaCommand.ReserveStock reserve) {
            return outbox.add(connection, Topics.PRODUCT_COMMANDS, EventTypes.RESERVE_STOCK, id,
                    new ReserveStock(id, reserve.lines().stream().map(line -> new StockLine(line.sku(), line.quantity())).toList()), now);
        }
        if (command instanceof SagaCommand.ReleaseStock) {
            return outbox.add(connection, Topics.PRODUCT_COMMANDS, EventTypes.RELEASE_STOCK, id, new ReleaseStock(id), now);
        }
        if (command instanceof SagaCommand.CommitStock) {
            return outbox.add(connection, Topics.PRODUCT_COMMANDS, EventTypes.COMMIT_STOCK, id, new CommitStock(id), now);
        }
        if (command instanceof SagaCommand.ChargePayment charge) {
            // the card token is read and forgotten in this transaction: it lives on only in the command
            return instructions.take(connection, id).chain(how -> outbox.add(connection, Topics.PAYMENT_COMMANDS,
                    EventTypes.CHARGE_PAYMENT, id, new ChargePayment(id, order.userId, charge.amount(), charge.currency(), charge.method(),
                            how.cardToken(), how.savedCardId(), how.saveCard(), how.returnUrl(), false), now));
        }
        if (command instanceof SagaCommand.CancelPayment cancel) {
            return outbox.add(connection, Topics.PAYMENT_COMMANDS, EventTypes.CANCEL_PAYMENT, id, new CancelPayment(id, clip(cancel.reason())),
                    now);
        }
        if (command instanceof SagaCommand.CreateShipment ship) {
            return outbox.add(connection, Topics.SHIPPING_COMMANDS, EventTypes.CREATE_SHIPMENT, id,
                    new CreateShipment(id, order.userId, ship.addressId(), ship.option(),
                            ship.lines().stream().map(line -> new CreateShipment.Item(line.sku(), line.quantity())).toList(),
                            ship.weightGrams(), ship.promisedBy(), ship.declaredValue(), ship.currency()), now);
        }
        if (command instanceof SagaCommand.CancelShipment cancel) {
            return outbox.add(connection, Topics.SHIPPING_COMMANDS, EventTypes.CANCEL_SHIPMENT, id, new CancelShipment(id, clip(cancel.reason())),
                    now);
        }
        return announce(connection, order, (SagaCommand.Announce) command, now);
    }

    private Uni<Void> announce(SqlClient connection, Order order, SagaCommand.Announce announce, Instant now) {
        OrderUpdated update = new OrderUpdated(order.id, order.userId, announce.became().name(), order.total, order.currency,
                announce.reason(), order.lines.stream().map(line -> new OrderUpdated.Line(line.sku(), line.productId(), line.name(),
                        line.quantity())).toList());
        return switch (announce.became()) {
            case RECEIVED -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_PLACED, order.id, update, now);
            // the cart clears the ordered lines once the order is paid for
            case PAID -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_CONFIRMED, order.id,
                    new OrderConfirmed(order.id, order.userId.toString(), order.fromCart, order.total, order.currency), now);
            case SHIPPING -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_SHIPPED, order.id, update, now);
            case DELIVERED -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_DELIVERED, order.id, update, now);
            case FAILED -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_FAILED, order.id, update, now);
            case CANCELLED -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_CANCELLED, order.id, update, now);
            case REFUNDED -> outbox.add(connection, Topics.ORDER_EVENTS, EventTypes.ORDER_REFUNDED, order.id, update, now);
            case STOCK_RESERVED -> Uni.createFrom().voidItem();
        };
    }

    /** Contracts take reasons of up to 500 characters. */
    private static String clip(String reason) {
        String text = reason == null || reason.isBlank() ? "the order ended" : reason;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}

package io.mall.order.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the order saga asks of the other services, or tells them, after an event. */
public sealed interface SagaCommand {

    record ReserveStock(List<OrderLine> lines) implements SagaCommand {
    }

    record ReleaseStock() implements SagaCommand {
    }

    record CommitStock() implements SagaCommand {
    }

    record ChargePayment(long amount, String currency, String method) implements SagaCommand {
    }

    /** Nothing held stays held, nothing taken stays taken: payment refunds a captured charge. */
    record CancelPayment(String reason) implements SagaCommand {
    }

    record CreateShipment(UUID addressId, String option, long weightGrams, LocalDate promisedBy, List<OrderLine> lines, long declaredValue,
            String currency) implements SagaCommand {
    }

    record CancelShipment(String reason) implements SagaCommand {
    }

    /** Tells everyone who follows orders (cart, review, notification) that the order {@code became} so. */
    record Announce(OrderStatus became, String reason) implements SagaCommand {
    }
}

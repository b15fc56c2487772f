package io.mall.order.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an order: the append-only history its state is folded from. Each is a fact
 * with the data the fold and the timeline need, never a card number or a token.
 */
public sealed interface OrderEvent {

    /** The name stored with the event and shown on the timeline. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * The order as placed: its lines at the prices of that moment, the shipping the quote priced,
     * and how it is paid for.
     */
    record Placed(UUID userId, List<OrderLine> lines, String currency, long subtotal, long shippingFee, long total, UUID addressId,
            String shippingOption, long weightGrams, LocalDate promisedBy, String paymentMethod, boolean fromCart)
            implements OrderEvent {
    }

    record StockReserved(Instant expiresAt) implements OrderEvent {
    }

    record StockRejected(List<String> unavailable, String reason) implements OrderEvent {
    }

    /** The payment waits for the shopper (a bank transfer's deposit, a wallet's approval). */
    record PaymentPending(String method, String bank, String accountNumber, String approvalUrl, Instant expiresAt)
            implements OrderEvent {
    }

    record PaymentCaptured(UUID paymentId, long amount) implements OrderEvent {
    }

    record PaymentFailed(String code, String reason) implements OrderEvent {
    }

    record ShipmentCreated(UUID shipmentId, String carrier, String trackingNumber, LocalDate promisedBy) implements OrderEvent {
    }

    record ShipmentRefused(String reason) implements OrderEvent {
    }

    /** The carrier picked the parcel up: the stock has left the warehouse. */
    record Shipped(Instant at) implements OrderEvent {
    }

    record Delivered(Instant at) implements OrderEvent {
    }

    record AddressChanged(UUID addressId, String by) implements OrderEvent {
    }

    /** @param by who cancelled: the shopper, staff (with their id), or the saga itself */
    record Cancelled(String by, String reason) implements OrderEvent {
    }

    /** A step of the saga got no answer in time: the order is failed and what was done is undone. */
    record StepTimedOut(String step) implements OrderEvent {
    }

    record Refunded(UUID refundId, long amount, boolean fully) implements OrderEvent {
    }
}

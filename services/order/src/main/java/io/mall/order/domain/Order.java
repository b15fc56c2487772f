package io.mall.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

/**
 * An order, as the fold of its events. {@link #apply} only moves the state; the decisions (which
 * event may happen now) are the other methods: a reply that does not fit the state (sent twice,
 * arriving late) makes no event, and a request that does not fit it is a {@link Conflict} naming
 * the current state. Public fields keep the fold plain and let a snapshot be the state as it is.
 */
public final class Order {

    public UUID id;
    public UUID userId;
    public OrderStatus status;
    public List<OrderLine> lines = List.of();
    public String currency;
    public long subtotal;
    public long shippingFee;
    public long total;
    public UUID addressId;
    public String shippingOption;
    public long weightGrams;
    public LocalDate promisedBy;
    public String paymentMethod;
    public boolean fromCart;
    /** Stock is held for the order (reserved, not yet released or committed). */
    public boolean stockHeld;
    /** The saga asked payment to charge: a cancellation must also cancel the payment. */
    public boolean chargeRequested;
    public boolean paymentPending;
    public UUID paymentId;
    public long paid;
    public long refunded;
    public UUID shipmentId;
    public String carrier;
    public String trackingNumber;
    /** Why it failed or was cancelled. */
    public String endReason;
    /** The placing request every event of the order follows from (kept by the store, not an event's). */
    public UUID correlationId;
    /** The number of the last event folded: the version the next event must follow. */
    public int version;
    public Instant placedAt;
    public Instant updatedAt;

    /** The same state, to compare with after an event (events never change a list in place). */
    public Order copy() {
        Order copy = new Order();
        copy.id = id;
        copy.userId = userId;
        copy.status = status;
        copy.lines = lines;
        copy.currency = currency;
        copy.subtotal = subtotal;
        copy.shippingFee = shippingFee;
        copy.total = total;
        copy.addressId = addressId;
        copy.shippingOption = shippingOption;
        copy.weightGrams = weightGrams;
        copy.promisedBy = promisedBy;
        copy.paymentMethod = paymentMethod;
        copy.fromCart = fromCart;
        copy.stockHeld = stockHeld;
        copy.chargeRequested = chargeRequested;
        copy.paymentPending = paymentPending;
        copy.paymentId = paymentId;
        copy.paid = paid;
        copy.refunded = refunded;
        copy.shipmentId = shipmentId;
        copy.carrier = carrier;
        copy.trackingNumber = trackingNumber;
        copy.endReason = endReason;
        copy.correlationId = correlationId;
        copy.version = version;
        copy.placedAt = placedAt;
        copy.updatedAt = updatedAt;
        return copy;
    }

    public static Order empty(UUID id) {
        Order order = new Order();
        order.id = id;
        return order;
    }

    /**
     * The first event of an order: its lines and amounts checked (the prices are the product
     * service's, the fee the shipping service's quote).
     */
    public static OrderEvent.Placed place(UUID userId, List<OrderLine> lines, String currency, long shippingFee, UUID addressId,
            String shippingOption, long weightGrams, LocalDate promisedBy, String paymentMethod, boolean fromCart) {
        if (lines == null || lines.isEmpty()) {
            throw new BrokenRule("lines", "an order needs at least one line");
        }
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.quantity() < 1) {
                throw new BrokenRule("lines[" + i + "].quantity", "must be at least 1");
            }
            if (line.unitPrice() < 0) {
                throw new BrokenRule("lines[" + i + "].sku", "has no price");
            }
            subtotal = Math.addExact(subtotal, line.amount());
        }
        if (shippingFee < 0) {
            throw new BrokenRule("shippingOption", "has no fee");
        }
        return new OrderEvent.Placed(userId, List.copyOf(lines), currency, subtotal, shippingFee, Math.addExact(subtotal, shippingFee),
                addressId, shippingOption, weightGrams, promisedBy, paymentMethod, fromCart);
    }

    /** Moves the state by one event, numbered {@code seq}, that happened at {@code at}. */
    public Order apply(OrderEvent event, int seq, Instant at) {
        if (event instanceof OrderEvent.Placed placed) {
            userId = placed.userId();
            lines = placed.lines();
            currency = placed.currency();
            subtotal = placed.subtotal();
            shippingFee = placed.shippingFee();
            total = placed.total();
            addressId = placed.addressId();
            shippingOption = placed.shippingOption();
            weightGrams = placed.weightGrams();
            promisedBy = placed.promisedBy();
            paymentMethod = placed.paymentMethod();
            fromCart = placed.fromCart();
            status = OrderStatus.RECEIVED;
            placedAt = at;
        } else if (event instanceof OrderEvent.StockReserved) {
            stockHeld = true;
            status = OrderStatus.STOCK_RESERVED;
            // the charge is asked for in the same breath
            chargeRequested = true;
        } else if (event instanceof OrderEvent.StockRejected rejected) {
            status = OrderStatus.FAILED;
            endReason = rejected.reason();
        } else if (event instanceof OrderEvent.PaymentPending) {
            paymentPending = true;
        } else if (event instanceof OrderEvent.PaymentCaptured captured) {
            paymentId = captured.paymentId();
            paid = captured.amount();
            paymentPending = false;
            if (status == OrderStatus.STOCK_RESERVED) {
                status = OrderStatus.PAID;
            }
        } else if (event instanceof OrderEvent.PaymentFailed failed) {
            status = OrderStatus.FAILED;
            paymentPending = false;
            stockHeld = false;
            endReason = "payment failed: " + failed.reason();
        } else if (event instanceof OrderEvent.ShipmentCreated created) {
            shipmentId = created.shipmentId();
            carrier = created.carrier();
            trackingNumber = created.trackingNumber();
            if (created.promisedBy() != null) {
                promisedBy = created.promisedBy();
            }
        } else if (event instanceof OrderEvent.ShipmentRefused refused) {
            status = OrderStatus.CANCELLED;
            stockHeld = false;
            endReason = "could not be shipped: " + refused.reason();
        } else if (event instanceof OrderEvent.Shipped) {
            status = OrderStatus.SHIPPING;
            stockHeld = false;
        } else if (event instanceof OrderEvent.Delivered) {
            status = OrderStatus.DELIVERED;
        } else if (event instanceof OrderEvent.AddressChanged changed) {
            addressId = changed.addressId();
        } else if (event instanceof OrderEvent.Cancelled cancelled) {
            status = OrderStatus.CANCELLED;
            stockHeld = false;
            endReason = cancelled.reason();
        } else if (event instanceof OrderEvent.StepTimedOut timedOut) {
            status = OrderStatus.FAILED;
            stockHeld = false;
            endReason = "no answer in time from the " + timedOut.step() + " step";
        } else if (event instanceof OrderEvent.Refunded refund) {
            refunded = Math.addExact(refunded, refund.amount());
            if (refund.fully() || refunded >= paid) {
                status = OrderStatus.REFUNDED;
            }
        }
        version = seq;
        updatedAt = at;
        return this;
    }

    public boolean belongsTo(UUID shopper) {
        return userId != null && userId.equals(shopper);
    }

    // The saga's replies: each is an event only when the order waits for it.

    public Optional<OrderEvent> stockReserved(Instant expiresAt) {
        return when(status == OrderStatus.RECEIVED, new OrderEvent.StockReserved(expiresAt));
    }

    public Optional<OrderEvent> stockRejected(List<String> unavailable, String reason) {
        return when(status == OrderStatus.RECEIVED, new OrderEvent.StockRejected(unavailable, reason));
    }

    public Optional<OrderEvent> paymentPending(String method, String bank, String accountNumber, String approvalUrl, Instant expiresAt) {
        return when(status == OrderStatus.STOCK_RESERVED && !paymentPending,
                new OrderEvent.PaymentPending(method, bank, accountNumber, approvalUrl, expiresAt));
    }

    /**
     * Money taken. Also after the order ended (the charge was under way when it was cancelled or
     * timed out): then it is recorded, and the saga gives it back.
     */
    public Optional<OrderEvent> paymentCaptured(UUID payment, long amount) {
        return when(paymentId == null && status != OrderStatus.RECEIVED, new OrderEvent.PaymentCaptured(payment, amount));
    }

    public Optional<OrderEvent> paymentFailed(String code, String reason) {
        return when(status == OrderStatus.STOCK_RESERVED, new OrderEvent.PaymentFailed(code, reason));
    }

    /**
     * A label made; also for an order that ended meanwhile (a cancel or a deadline crossed it),
     * whose shipment the saga then cancels.
     */
    public Optional<OrderEvent> shipmentCreated(UUID shipment, String carrierName, String tracking, LocalDate promised) {
        return when(shipmentId == null && (status == OrderStatus.PAID || status == OrderStatus.CANCELLED || status == OrderStatus.FAILED
                || status == OrderStatus.REFUNDED),
                new OrderEvent.ShipmentCreated(shipment, carrierName, tracking, promised));
    }

    public Optional<OrderEvent> shipmentRefused(String reason) {
        return when(status == OrderStatus.PAID && shipmentId == null, new OrderEvent.ShipmentRefused(reason));
    }

    public Optional<OrderEvent> shipped(Instant at) {
        return when(status == OrderStatus.PAID, new OrderEvent.Shipped(at));
    }

    public Optional<OrderEvent> delivered(Instant at) {
        return when(status == OrderStatus.PAID || status == OrderStatus.SHIPPING, new OrderEvent.Delivered(at));
    }

    public Optional<OrderEvent> refunded(UUID refundId, long amount, boolean fully) {
        return when(paid > 0 && (status == OrderStatus.CANCELLED || status == OrderStatus.FAILED) && refunded < paid,
                new OrderEvent.Refunded(refundId, amount, fully));
    }

    // Requests: a request that does not fit is refused, naming the state.

    /** The shopper sends the parcel elsewhere: until a carrier has labelled it. */
    public OrderEvent changeAddress(UUID newAddress, String by) {
        if (!status.beforeShipping() || shipmentId != null) {
            throw new Conflict("the order is " + status + (shipmentId != null ? " and its parcel is labelled" : "")
                    + ": its address can no longer change");
        }
        return new OrderEvent.AddressChanged(newAddress, by);
    }

    /**
     * A shopper cancels before the parcel leaves; staff cancel any order not yet delivered (a parcel
     * on its way is then returned). Money taken is refunded, stock held is released.
     */
    public OrderEvent cancel(String by, String reason, boolean staff) {
        boolean open = staff ? (status.beforeShipping() || status == OrderStatus.SHIPPING) : status.beforeShipping();
        if (!open) {
            throw new Conflict("the order is " + status + ": it can no longer be cancelled"
                    + (status == OrderStatus.SHIPPING ? " by the shopper (ask support for a return)" : ""));
        }
        if (reason == null || reason.isBlank()) {
            throw new BrokenRule("reason", "is required");
        }
        return new OrderEvent.Cancelled(by, reason.strip());
    }

    /** The step the saga waits for, and until when; none when it waits for nothing (or for the carrier). */
    public Optional<Deadline> deadline(Deadlines limits) {
        return switch (status) {
            case RECEIVED -> Optional.of(new Deadline("stock", placedAt.plus(limits.stock())));
            case STOCK_RESERVED -> Optional.of(new Deadline("payment", updatedAt.plus(paymentPending ? limits.pendingPayment()
                    : limits.payment())));
            case PAID -> shipmentId == null ? Optional.of(new Deadline("shipment", updatedAt.plus(limits.shipment()))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The step {@code step} is past its deadline: the order fails, and what was done is undone. */
    public Optional<OrderEvent> timeOut(String step, Deadlines limits, Instant now) {
        return deadline(limits).filter(due -> due.step().equals(step) && !now.isBefore(due.at()))
                .map(due -> new OrderEvent.StepTimedOut(step));
    }

    /** How long each step may take. */
    public record Deadlines(Duration stock, Duration payment, Duration pendingPayment, Duration shipment) {
    }

    public record Deadline(String step, Instant at) {
    }

    private static Optional<OrderEvent> when(boolean fits, OrderEvent event) {
        return fits ? Optional.of(event) : Optional.empty();
    }
}

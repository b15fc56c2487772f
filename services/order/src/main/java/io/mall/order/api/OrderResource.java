package io.mall.order.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.domain.BrokenRule;
import io.mall.idempotency.IdempotencyKeys;
import io.mall.order.app.Orders;
import io.mall.order.app.Placing;
import io.mall.order.domain.Order;
import io.mall.order.domain.OrderLine;
import io.mall.order.domain.OrderStatus;
import io.mall.order.store.OrderEventStore;
import io.mall.order.store.OrderViews;
import io.mall.order.store.PaymentInstructions;
import io.smallrye.mutiny.Uni;

/**
 * Orders: a shopper places and follows their own (another's is 404); SUPPORT and ADMIN see and
 * cancel any. Placing is answered 202 at once: the saga (stock, payment, shipment) runs after it,
 * and the order's status and timeline show where it is.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** Lines to order, or {@code fromCart}: the shopper's cart as it is. */
    public record PlaceForm(Boolean fromCart, @Size(max = 100) List<@NotNull @Valid LineForm> lines, @NotNull UUID addressId,
            @NotNull @Pattern(regexp = "STANDARD|EXPRESS|SAME_DAY") String shippingOption, @NotNull @Valid PaymentForm payment) {
    }

    public record LineForm(@NotBlank @Size(max = 64) String sku, @Min(0) @Max(1_000) int quantity) {
    }

    /** How the order is paid: a new card's token from the gateway's form, a saved card, a bank transfer, a wallet. */
    public record PaymentForm(@NotNull @Pattern(regexp = "CARD|BANK_TRANSFER|EASY_PAY") String method, @Size(max = 255) String cardToken,
            UUID savedCardId, boolean saveCard, @Size(max = 2_000) String returnUrl) {

        @Override
        public String toString() {
            return "PaymentForm[" + method + "]";
        }
    }

    public record Placed(UUID orderId, String status) {
    }

    public record CancelForm(@NotBlank @Size(max = 500) String reason) {
    }

    public record AddressForm(@NotNull UUID addressId) {
    }

    public record LineView(String sku, String productId, String name, long unitPrice, int quantity, long amount) {
    }

    public record OrderView(UUID id, UUID userId, String status, List<LineView> lines, String currency, long subtotal, long shippingFee,
            long total, UUID addressId, String shippingOption, LocalDate promisedBy, String paymentMethod, boolean paymentPending, long paid,
            long refunded, UUID shipmentId, String carrier, String trackingNumber, String reason, Instant placedAt, Instant updatedAt,
            int version) {

        static OrderView of(Order order) {
            return new OrderView(order.id, order.userId, order.status.name(), order.lines.stream().map(OrderResource::line).toList(),
                    order.currency, order.subtotal, order.shippingFee, order.total, order.addressId, order.shippingOption, order.promisedBy,
                    order.paymentMethod, order.paymentPending, order.paid, order.refunded, order.shipmentId, order.carrier,
                    order.trackingNumber, order.endReason, order.placedAt, order.updatedAt, order.version);
        }
    }

    public record TimelineEntry(int seq, String type, Instant at, JsonNode data) {
    }

    public record HistoryPage(List<OrderViews.Summary> items, long total, int page, int size) {
    }

    private final Placing placing;
    private final Orders orders;
    private final IdempotencyKeys idempotency;
    private final JsonWebToken caller;
    private final ObjectMapper json;

    OrderResource(Placing placing, Orders orders, IdempotencyKeys idempotency, JsonWebToken caller, ObjectMapper json) {
        this.placing = placing;
        this.orders = orders;
        this.idempotency = idempotency;
        this.caller = caller;
        this.json = json;
    }

    /** Places an order under a required {@code Idempotency-Key}: the same key again answers with the same order. */
    @POST
    @RolesAllowed("CUSTOMER")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Placed>> place(@RestHeader(IdempotencyKeys.HEADER) String key, @NotNull @Valid PlaceForm form) {
        UUID shopper = Callers.self(caller);
        boolean fromCart = Boolean.TRUE.equals(form.fromCart());
        if (fromCart && form.lines() != null && !form.lines().isEmpty()) {
            throw new BrokenRule("lines", "give lines, or fromCart, not both");
        }
        PaymentForm pay = form.payment();
        if (pay.method().equals("CARD") && (pay.cardToken() == null || pay.cardToken().isBlank()) && pay.savedCardId() == null) {
            throw new BrokenRule("payment.cardToken", "a card payment needs a card token or a saved card");
        }
        return idempotency.once(key, true, shopper.toString(), "POST /api/v1/orders", form, Placed.class, () -> {
            UUID orderId = UUID.randomUUID();
            var request = new Placing.Request(shopper, fromCart, fromCart ? List.of()
                    : form.lines() == null ? List.of() : form.lines().stream().map(line -> new Placing.Wanted(line.sku(), line.quantity())).toList(),
                    form.addressId(), form.shippingOption(), pay.method(),
                    new PaymentInstructions.Instruction(pay.cardToken(), pay.savedCardId(), pay.saveCard(), pay.returnUrl()));
            return placing.place(orderId, UUID.randomUUID(), request).map(order -> RestResponse.ResponseBuilder
                    .create(RestResponse.Status.ACCEPTED, new Placed(order.id, order.status.name()))
                    .location(URI.create("/api/v1/orders/" + order.id)).build());
        });
    }

    /** Newest first: a shopper's own; staff everyone's, or one shopper's ({@code userId}). */
    @GET
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<HistoryPage> history(@QueryParam("status") OrderStatus status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("userId") UUID userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID scope = Callers.scope(caller);
        UUID whose = scope != null ? scope : userId;
        // dates are Seoul days: from the start of `from` to the end of `to`
        Instant start = from == null ? null : from.atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant();
        return orders.history(whose, status, start, end, page, size).map(found -> new HistoryPage(found.items(), found.total(), page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<OrderView> find(@PathParam("id") UUID id) {
        return orders.find(id, Callers.scope(caller)).map(OrderView::of);
    }

    /** Everything that happened to the order, in order. */
    @GET
    @Path("/{id}/events")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<List<TimelineEntry>> timeline(@PathParam("id") UUID id) {
        return orders.timeline(id, Callers.scope(caller)).map(events -> events.stream().map(this::entry).toList());
    }

    /**
     * A shopper cancels their order before it ships; staff cancel any order not yet delivered.
     * Money taken is refunded, stock held is released, a shipment not yet picked up is cancelled.
     */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<OrderView>> cancel(@PathParam("id") UUID id, @RestHeader(IdempotencyKeys.HEADER) String key,
            @NotNull @Valid CancelForm form) {
        UUID scope = Callers.scope(caller);
        String by = scope != null ? "shopper" : "staff:" + caller.getSubject();
        return idempotency.once(key, false, caller.getSubject(), "POST /api/v1/orders/" + id + "/cancel", form, OrderView.class,
                () -> orders.request(id, scope, UUID.randomUUID(), order -> order.cancel(by, form.reason(), scope == null))
                        .map(order -> RestResponse.ok(OrderView.of(order))));
    }

    /** The shopper sends the order to another of their addresses, until its parcel is labelled. */
    @PUT
    @Path("/{id}/address")
    @RolesAllowed("CUSTOMER")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OrderView> changeAddress(@PathParam("id") UUID id, @NotNull @Valid AddressForm form) {
        UUID shopper = Callers.self(caller);
        return placing.checkAddress(form.addressId(), shopper)
                .chain(() -> orders.request(id, shopper, UUID.randomUUID(), order -> order.changeAddress(form.addressId(), "shopper")))
                .map(OrderView::of);
    }

    /**
     * Trade per day (orders by status, revenue), the most sold products and the average order
     * value, over the Seoul days {@code from} to {@code to} (the last 30 by default), in one currency.
     */
    @GET
    @Path("/stats")
    @RolesAllowed({ "SUPPORT", "ADMIN" })
    public Uni<OrderViews.Statistics> statistics(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("currency") @DefaultValue("KRW") @Pattern(regexp = "[A-Z]{3}") String currency) {
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");
        LocalDate last = to != null ? to : LocalDate.now(seoul);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || first.plusDays(366).isBefore(last)) {
            throw new BrokenRule("from", "must be on or before to, and at most a year before it");
        }
        return orders.statistics(first.atStartOfDay(seoul).toInstant(), last.plusDays(1).atStartOfDay(seoul).toInstant(), currency);
    }

    /** Rebuilds the order history read model from the event table alone. */
    @POST
    @Path("/read-model/rebuild")
    @RolesAllowed("ADMIN")
    public Uni<java.util.Map<String, Long>> rebuild() {
        return orders.rebuildViews().map(count -> java.util.Map.of("orders", count));
    }

    private TimelineEntry entry(OrderEventStore.Stored stored) {
        return new TimelineEntry(stored.seq(), stored.event().type(), stored.at(), json.valueToTree(stored.event()));
    }

    private static LineView line(OrderLine line) {
        return new LineView(line.sku(), line.productId(), line.name(), line.unitPrice(), line.quantity(), line.amount());
    }
}

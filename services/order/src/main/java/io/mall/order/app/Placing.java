package io.mall.order.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.domain.DomainException;
import io.mall.domain.Unavailable;
import io.mall.order.OrderConfig;
import io.mall.order.client.Checkout;
import io.mall.order.client.ProductClient;
import io.mall.order.client.ShippingClient;
import io.mall.order.domain.Order;
import io.mall.order.domain.OrderLine;
import io.mall.order.store.PaymentInstructions;
import io.smallrye.mutiny.Uni;

/**
 * Placing an order: what the shopper asks for, checked against the other services at this moment.
 * The lines come from the request or the shopper's cart (its quantities only); each price is read
 * again from the product service; the address must be the shopper's; the shipping fee, weight and
 * promised date are the shipping service's quote for the chosen option. Any refusal is a 4xx
 * naming the field, and nothing is written; a service that cannot answer is a 503.
 */
@ApplicationScoped
public class Placing {

    /** What the shopper asks for. {@code lines} is empty when the order is placed from the cart. */
    public record Request(UUID userId, boolean fromCart, List<Wanted> lines, UUID addressId, String shippingOption, String paymentMethod,
            PaymentInstructions.Instruction payment) {
    }

    public record Wanted(String sku, int quantity) {
    }

    private final Checkout checkout;
    private final Orders orders;
    private final int maxLines;

    Placing(Checkout checkout, Orders orders, OrderConfig config) {
        this.checkout = checkout;
        this.orders = orders;
        this.maxLines = config.maxLines();
    }

    public Uni<Order> place(UUID orderId, UUID requestId, Request request) {
        Uni<List<Wanted>> wanted = request.fromCart()
                ? outage(checkout.cart(request.userId()), "cart").map(cart -> cart == null || cart.lines() == null ? List.<Wanted>of()
                        : cart.lines().stream().map(line -> new Wanted(line.sku(), line.quantity())).toList())
                : Uni.createFrom().item(request.lines());
        return wanted.chain(lines -> {
            List<Wanted> merged = merge(lines, request.fromCart());
            return outage(checkout.skus(merged.stream().map(Wanted::sku).toList()), "product")
                    .chain(skus -> priced(merged, skus, request.fromCart()))
                    .chain(priced -> outage(checkout.address(request.addressId(), request.userId()), "shipping").chain(address -> {
                        if (address == null) {
                            throw new BrokenRule("addressId", "is not one of your addresses");
                        }
                        return quote(address, merged, priced);
                    }).chain(offer -> {
                        ShippingClient.Option option = offer.options().stream().filter(candidate -> candidate.option()
                                .equals(request.shippingOption())).findFirst()
                                .orElseThrow(() -> new BrokenRule("shippingOption", "is not offered for this address now (offered: "
                                        + offer.options().stream().map(ShippingClient.Option::option).toList() + ")"));
                        var placed = Order.place(request.userId(), priced.stream().map(PricedLine::line).toList(), priced.get(0).currency(),
                                option.fee(), request.addressId(),
                                option.option(), offer.weightGrams(), option.promisedBy(), request.paymentMethod(), request.fromCart());
                        return orders.start(orderId, placed, request.payment(), requestId);
                    }));
        });
    }

    /** Refuses an address that is not the shopper's (422 naming {@code addressId}). */
    public Uni<Void> checkAddress(UUID addressId, UUID shopper) {
        return outage(checkout.address(addressId, shopper), "shipping").map(address -> {
            if (address == null) {
                throw new BrokenRule("addressId", "is not one of your addresses");
            }
            return null;
        });
    }

    /** The same SKU twice is one line; at most {@code maxLines} lines, each of 1 or more. */
    private List<Wanted> merge(List<Wanted> lines, boolean fromCart) {
        if (lines == null || lines.isEmpty()) {
            throw new BrokenRule(fromCart ? "fromCart" : "lines", fromCart ? "the cart is empty" : "an order needs at least one line");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Wanted line = lines.get(i);
            if (line.quantity() < 1) {
                throw new BrokenRule("lines[" + i + "].quantity", "must be at least 1");
            }
            quantities.merge(line.sku(), line.quantity(), Integer::sum);
        }
        if (quantities.size() > maxLines) {
            throw new BrokenRule("lines", "an order has at most " + maxLines + " different items");
        }
        return quantities.entrySet().stream().map(entry -> new Wanted(entry.getKey(), entry.getValue())).toList();
    }

    private static Uni<List<PricedLine>> priced(List<Wanted> lines, List<ProductClient.Sku> skus, boolean fromCart) {
        Map<String, ProductClient.Sku> bySku = skus.stream().collect(Collectors.toMap(ProductClient.Sku::sku, Function.identity(),
                (first, second) -> first));
        List<PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Wanted line = lines.get(i);
            ProductClient.Sku sku = bySku.get(line.sku());
            String field = fromCart ? "fromCart" : "lines[" + i + "].sku";
            if (sku == null || sku.archived()) {
                throw new BrokenRule(field, line.sku() + " is not sold");
            }
            if (!priced.isEmpty() && !priced.get(0).currency().equals(sku.currency())) {
                throw new BrokenRule(field, "one order is paid in one currency; " + line.sku() + " is sold in " + sku.currency());
            }
            priced.add(new PricedLine(new OrderLine(sku.sku(), sku.productId(), sku.name(), sku.price(), line.quantity()), sku.currency()));
        }
        return Uni.createFrom().item(priced);
    }

    private Uni<ShippingClient.Offer> quote(ShippingClient.Address address, List<Wanted> lines, List<PricedLine> priced) {
        long subtotal = priced.stream().mapToLong(line -> line.line().amount()).sum();
        var request = new ShippingClient.QuoteRequest(new ShippingClient.Destination(address.country(), address.postalCode(),
                address.region(), address.city(), address.line1(), address.line2()),
                lines.stream().map(line -> new ShippingClient.QuoteLine(line.sku(), line.quantity())).toList(), subtotal,
                priced.get(0).currency());
        return outage(checkout.quote(request), "shipping")
                // the quote's own refusal (a destination not served, a parcel too heavy) is the order's
                .onFailure(jakarta.ws.rs.WebApplicationException.class).transform(refused -> new BrokenRule("addressId",
                        "cannot be shipped to: the shipping service refused to quote (" + ((jakarta.ws.rs.WebApplicationException) refused)
                                .getResponse().getStatus() + ")"));
    }

    /** A line with its price and the currency it is in. */
    private record PricedLine(OrderLine line, String currency) {
    }

    /** Whatever is not an answer of the other service (a timeout, an open breaker, a refused connection) is an outage. */
    private static <T> Uni<T> outage(Uni<T> call, String service) {
        return call.onFailure(failure -> !(failure instanceof DomainException) && !(failure instanceof jakarta.ws.rs.WebApplicationException web
                && web.getResponse().getStatus() < 500))
                .transform(failure -> new Unavailable("the " + service + " service cannot answer now; try again shortly"));
    }
}

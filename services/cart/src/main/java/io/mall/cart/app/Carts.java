package io.mall.cart.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.cart.client.Products;
import io.mall.cart.domain.CartLine;
import io.mall.cart.domain.PricedCart;
import io.mall.cart.domain.SkuInfo;
import io.mall.cart.store.CartStore;
import io.mall.domain.BrokenRule;
import io.mall.domain.Unavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/** Cart operations that need the product service: checking what is added, pricing what is read. */
@ApplicationScoped
public class Carts {

    private static final Logger LOG = Logger.getLogger(Carts.class);

    private final CartStore store;
    private final Products products;
    private final Clock clock;
    private final MeterRegistry registry;

    Carts(CartStore store, Products products, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.products = products;
        this.clock = clock;
        this.registry = registry;
    }

    /** Checks the SKU with the product service (fails fast with 503 when it cannot answer), then adds. */
    public Uni<PricedCart> add(CartStore.Owner owner, String sku, int quantity) {
        return add(owner, sku, quantity, null);
    }

    /** As {@link #add(CartStore.Owner, String, int)}; a guest cart it makes counts against {@code clientAddress}. */
    public Uni<PricedCart> add(CartStore.Owner owner, String sku, int quantity, String clientAddress) {
        return store.read(owner).chain(contents -> sku(sku).chain(info -> {
            info.checkCanHold(contents.quantities().getOrDefault(sku, 0) + quantity);
            CartLine line = new CartLine(sku, info.productId(), info.name(), info.image(), info.price(), info.currency(), clock.instant());
            return store.add(owner, line, quantity, clientAddress);
        })).invoke(() -> registry.counter("mall.cart.adds", "cart", owner.guest() ? "guest" : "user").increment())
                .chain(() -> read(owner));
    }

    /**
     * The SKU as the product service knows it now (asked, never taken from what reads keep: an add
     * checks the stock it takes); 422 when it does not exist or is no longer sold.
     */
    public Uni<SkuInfo> sku(String sku) {
        // deferred: a client that refuses at once (pool exhausted) fails the Uni instead of throwing
        return Uni.createFrom().deferred(() -> products.current(List.of(sku)))
                .onFailure().transform(failure -> {
                    LOG.warnf("product service did not answer about %s: %s", sku, failure.toString());
                    return new Unavailable("the product catalog cannot be reached; try again shortly");
                })
                .map(found -> {
                    SkuInfo info = found.get(sku);
                    if (info == null || info.archived()) {
                        throw new BrokenRule("sku", "no product is sold under this SKU");
                    }
                    return info;
                });
    }

    /** Empties the cart: its order was confirmed. */
    public Uni<Void> clear(CartStore.Owner owner) {
        return store.clear(owner);
    }

    public Uni<PricedCart> read(CartStore.Owner owner) {
        return store.read(owner).chain(this::price);
    }

    /**
     * Today's prices and stock (as fresh as the product service's events and the SKU cache's
     * freshness keep them); the stored prices, marked stale, when the product service cannot say.
     */
    public Uni<PricedCart> price(CartStore.Contents contents) {
        List<String> skus = new ArrayList<>(contents.quantities().keySet());
        return Uni.createFrom().deferred(() -> products.lookup(skus))
                .map(current -> PricedCart.of(contents.lines(), contents.quantities(), current))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("product service did not answer; showing stored prices: %s", failure.toString());
                    return PricedCart.of(contents.lines(), contents.quantities(), (Map<String, SkuInfo>) null);
                });
    }
}

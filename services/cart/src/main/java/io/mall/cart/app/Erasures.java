package io.mall.cart.app;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.cart.store.CartStore;
import io.mall.cart.store.ShareStore;
import io.mall.cart.store.WishlistStore;
import io.smallrye.mutiny.Uni;

/** A shopper asked to be forgotten: their cart, wishlist and shared carts go. Repeating it changes nothing. */
@ApplicationScoped
public class Erasures {

    private final CartStore carts;
    private final WishlistStore wishlists;
    private final ShareStore shares;

    Erasures(CartStore carts, WishlistStore wishlists, ShareStore shares) {
        this.carts = carts;
        this.wishlists = wishlists;
        this.shares = shares;
    }

    public Uni<Void> erase(String userId) {
        return carts.clear(CartStore.Owner.user(userId))
                .chain(() -> wishlists.clear(userId))
                .chain(() -> shares.revokeAll(userId));
    }
}

package io.mall.cart.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cart as the shopper sees it: each line at today's price, flagged when the price changed since
 * it was added or the stock no longer covers it. When the product service cannot be asked, the
 * stored prices are shown and the cart says so ({@code stale}).
 */
public record PricedCart(List<Line> lines, long total, String currency, int itemCount, boolean stale) {

    public record Line(String sku, String productId, String name, String image, int quantity, long price, String currency,
            long addedAtPrice, boolean priceChanged, boolean outOfStock, boolean unavailable, long subtotal) {
    }

    /**
     * @param quantities sku → quantity
     * @param current    what the product service says now, by SKU; null when it could not be asked
     */
    public static PricedCart of(List<CartLine> stored, Map<String, Integer> quantities, Map<String, SkuInfo> current) {
        List<Line> lines = new ArrayList<>();
        long total = 0;
        int items = 0;
        String currency = null;
        for (CartLine line : stored) {
            int quantity = quantities.getOrDefault(line.sku(), 0);
            if (quantity <= 0) {
                continue;
            }
            SkuInfo now = current == null ? null : current.get(line.sku());
            boolean unavailable = current != null && (now == null || now.archived());
            long price = now != null ? now.price() : line.price();
            String lineCurrency = now != null ? now.currency() : line.currency();
            boolean outOfStock = now != null && !now.canBeSold(quantity);
            long subtotal = unavailable ? 0 : price * quantity;
            lines.add(new Line(line.sku(), line.productId(), now != null ? now.name() : line.name(), line.image(), quantity, price,
                    lineCurrency, line.price(), now != null && now.price() != line.price(), outOfStock, unavailable, subtotal));
            total += subtotal;
            items += unavailable ? 0 : quantity;
            currency = currency == null ? lineCurrency : currency;
        }
        lines.sort(java.util.Comparator.comparing(Line::sku));
        return new PricedCart(lines, total, currency, items, current == null);
    }
}

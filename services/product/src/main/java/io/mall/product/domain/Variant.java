package io.mall.product.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One buyable form of a product, e.g. size 270 in black. The price is in minor units of its
 * currency (원 for KRW, cents for USD): integers, never floating point.
 */
public class Variant {

    public String sku;
    public Map<String, String> options = new LinkedHashMap<>();
    public long price;
    public String currency;
    public int weightGrams;

    public Variant() {
    }

    public Variant(String sku, Map<String, String> options, long price, String currency, int weightGrams) {
        this.sku = sku;
        this.options = new LinkedHashMap<>(options);
        this.price = price;
        this.currency = currency;
        this.weightGrams = weightGrams;
    }
}

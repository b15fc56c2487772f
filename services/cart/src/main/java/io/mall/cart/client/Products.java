package io.mall.cart.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.cart.domain.SkuInfo;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Asks the product service about SKUs, in calls of at most {@link #SKUS_PER_CALL} (what
 * {@code /internal/skus} takes), each guarded by {@link ProductCalls}. What to do without an answer
 * is the caller's choice.
 */
@ApplicationScoped
public class Products {

    /** The product service answers about at most this many SKUs per call. */
    static final int SKUS_PER_CALL = 200;

    private final ProductCalls calls;

    Products(ProductCalls calls) {
        this.calls = calls;
    }

    public Uni<Map<String, SkuInfo>> lookup(List<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += SKUS_PER_CALL) {
            chunks.add(skus.subList(from, Math.min(skus.size(), from + SKUS_PER_CALL)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(calls::find)
                .onItem().transformToIterable(Function.identity())
                .collect().asList()
                .map(found -> found.stream().collect(Collectors.toMap(SkuInfo::sku, Function.identity(), (a, b) -> a)));
    }
}

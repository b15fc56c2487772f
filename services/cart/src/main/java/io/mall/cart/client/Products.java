package io.mall.cart.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.cart.domain.SkuInfo;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Asks the product service about SKUs it has not answered about lately ({@link SkuCache}), in
 * calls of at most {@link #SKUS_PER_CALL} (what {@code /internal/skus} takes), each guarded by
 * {@link ProductCalls}. What to do without an answer is the caller's choice.
 */
@ApplicationScoped
public class Products {

    /** The product service answers about at most this many SKUs per call. */
    static final int SKUS_PER_CALL = 200;

    private final ProductCalls calls;
    private final SkuCache cache;

    Products(ProductCalls calls, SkuCache cache) {
        this.calls = calls;
        this.cache = cache;
    }

    /** What the product service says about each of {@code skus} it knows; unknown SKUs are missing. */
    public Uni<Map<String, SkuInfo>> lookup(List<String> skus) {
        Map<String, SkuInfo> fresh = cache.fresh(skus);
        List<String> unknown = new ArrayList<>(new LinkedHashSet<>(skus));
        unknown.removeAll(fresh.keySet());
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(fresh);
        }
        return current(unknown).map(answers -> {
            Map<String, SkuInfo> found = new HashMap<>(answers);
            found.putAll(fresh);
            return found;
        });
    }

    /**
     * What the product service says now, asked whatever is kept (for adds, which check the stock
     * they take); the answers are kept for the reads that follow.
     */
    public Uni<Map<String, SkuInfo>> current(List<String> skus) {
        long askedAt = cache.now();
        return ask(new ArrayList<>(new LinkedHashSet<>(skus))).invoke(answers -> cache.remember(answers, askedAt))
                .map(answers -> {
                    Map<String, SkuInfo> found = new HashMap<>();
                    answers.forEach(info -> found.putIfAbsent(info.sku(), info));
                    return found;
                });
    }

    private Uni<List<SkuInfo>> ask(List<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += SKUS_PER_CALL) {
            chunks.add(skus.subList(from, Math.min(skus.size(), from + SKUS_PER_CALL)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(calls::find)
                .onItem().transformToIterable(Function.identity())
                .collect().asList();
    }
}

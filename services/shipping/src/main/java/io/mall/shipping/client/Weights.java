package io.mall.shipping.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;


import io.mall.domain.Unavailable;
import io.smallrye.mutiny.Uni;

/** Parcel weights from the product service ({@link ProductCalls} guards each call); no answer is a 503 to retry. */
@ApplicationScoped
public class Weights {

    /** What the product service says of a SKU: its packed weight, and whether it is still sold. */
    public record Sku(int weightGrams, boolean archived) {
    }

    private final ProductCalls calls;

    Weights(ProductCalls calls) {
        this.calls = calls;
    }

    /** The SKUs the product service knows, by SKU; unknown ones are absent. At most 200 per call. */
    public Uni<Map<String, Sku>> of(List<String> skus) {
        return calls.find(skus).map(found -> found.stream().collect(Collectors.toMap(ProductClient.SkuWeight::sku,
                sku -> new Sku(sku.weightGrams(), sku.archived()), (first, second) -> first)))
                .onFailure().transform(failure -> new Unavailable("the catalog cannot be reached; try again shortly"));
    }

}

package io.mall.cart.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.mall.cart.domain.SkuInfo;
import io.smallrye.mutiny.Uni;

/**
 * Asks the product service about SKUs, guarded: each call times out, is retried a little, and a
 * circuit breaker stops calling a product service that keeps failing, so carts fail fast instead
 * of piling up waiting requests. What to do without an answer is the caller's choice.
 */
@ApplicationScoped
public class Products {

    private final ProductClient client;

    Products(@RestClient ProductClient client) {
        this.client = client;
    }

    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Map<String, SkuInfo>> lookup(List<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.find(skus).map(found -> found.stream().collect(Collectors.toMap(SkuInfo::sku, Function.identity())));
    }
}

package io.mall.shipping.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * One call to the product service, guarded: a slow answer times out, a failure is tried again
 * twice, and a circuit breaker stops asking a product service that keeps failing, so quotes fail
 * fast instead of piling up waiting requests.
 */
@ApplicationScoped
class ProductCalls {

    private final ProductClient products;

    ProductCalls(@RestClient ProductClient products) {
        this.products = products;
    }

    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<List<ProductClient.SkuWeight>> find(List<String> skus) {
        return products.find(skus);
    }
}

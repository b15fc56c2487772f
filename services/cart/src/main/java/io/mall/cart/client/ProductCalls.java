package io.mall.cart.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.mall.cart.domain.SkuInfo;
import io.smallrye.mutiny.Uni;

/**
 * One call to the product service, guarded: it times out, is retried a little, and a circuit
 * breaker stops calling a product service that keeps failing, so carts fail fast instead of piling
 * up waiting requests. A refusal (4xx) is an answer: not retried, not counted by the breaker.
 */
@ApplicationScoped
class ProductCalls {

    private final ProductClient client;

    ProductCalls(@RestClient ProductClient client) {
        this.client = client;
    }

    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = ProductRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProductRefused.class)
    Uni<List<SkuInfo>> find(List<String> skus) {
        return client.find(skus);
    }
}

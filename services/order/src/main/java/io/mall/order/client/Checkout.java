package io.mall.order.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.mall.domain.Unavailable;
import io.smallrye.mutiny.Uni;

/**
 * The calls a placement makes to other services, each guarded: a slow answer times out, a
 * failure is tried again twice (all are reads), a circuit breaker stops asking a service that
 * keeps failing. A service that cannot answer makes the placement a 503 (nothing is created); an
 * answer that is a refusal (404: not the shopper's address) is given to the caller as it is.
 */
@ApplicationScoped
public class Checkout {

    private final ProductClient products;
    private final CartClient carts;
    private final ShippingClient shipping;

    Checkout(@RestClient ProductClient products, @RestClient CartClient carts, @RestClient ShippingClient shipping) {
        this.products = products;
        this.carts = carts;
        this.shipping = shipping;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = WebApplicationException.class)
    public Uni<List<ProductClient.Sku>> skus(List<String> skus) {
        return unavailableUnless(products.find(skus), "product");
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = WebApplicationException.class)
    public Uni<CartClient.Cart> cart(UUID userId) {
        return unavailableUnless(carts.read(userId.toString()), "cart");
    }

    /** The shopper's address, or null when it is not theirs (or gone). */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = WebApplicationException.class)
    public Uni<ShippingClient.Address> address(UUID addressId, UUID userId) {
        return unavailableUnless(shipping.address(addressId, userId)
                .onFailure(failure -> failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404)
                .recoverWithNull(), "shipping");
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = WebApplicationException.class)
    public Uni<ShippingClient.Offer> quote(ShippingClient.QuoteRequest request) {
        return unavailableUnless(shipping.quote(request), "shipping");
    }

    /** A 5xx of another service means it cannot answer now, as much as no answer at all. */
    private static <T> Uni<T> unavailableUnless(Uni<T> call, String service) {
        return call.onFailure(failure -> failure instanceof WebApplicationException web && web.getResponse().getStatus() >= 500)
                .transform(failure -> new Unavailable("the " + service + " service cannot answer now"));
    }
}

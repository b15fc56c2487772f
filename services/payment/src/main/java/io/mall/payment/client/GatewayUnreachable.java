package io.mall.payment.client;

/**
 * The gateway surely did not receive the request (no connection, the circuit breaker is open, it
 * refused our credentials): nothing happened there, so the payment can fail at once.
 */
public class GatewayUnreachable extends RuntimeException {

    public GatewayUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}

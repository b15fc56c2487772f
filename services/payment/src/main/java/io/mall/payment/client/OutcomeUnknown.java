package io.mall.payment.client;

/**
 * The request may have reached the gateway, but no answer came (a timeout, a broken connection
 * after sending, a 5xx): whether money moved is found out by looking it up, never by sending again.
 */
public class OutcomeUnknown extends RuntimeException {

    public OutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}

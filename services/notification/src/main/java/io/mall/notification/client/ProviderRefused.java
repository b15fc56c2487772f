package io.mall.notification.client;

/**
 * The provider refused this message for good (an invalid number, an unsubscribed recipient, a
 * malformed address): sending it again would be refused again.
 */
public class ProviderRefused extends RuntimeException {

    public ProviderRefused(String message) {
        super(message);
    }
}

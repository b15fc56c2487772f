package io.mall.shipping.client;

/** The carrier did not answer usefully now (down, rate-limited, our credentials refused): try again later. */
public class CarrierUnavailable extends RuntimeException {

    public CarrierUnavailable(String message) {
        super(message);
    }
}

package io.mall.shipping.client;

/** The carrier will not take this parcel, and asking again will not change that. */
public class CarrierRefusal extends RuntimeException {

    public CarrierRefusal(String message) {
        super(message);
    }
}

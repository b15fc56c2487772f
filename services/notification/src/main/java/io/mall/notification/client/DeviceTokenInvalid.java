package io.mall.notification.client;

/** The push provider says this device token is no longer valid (the app was removed): forget it. */
public class DeviceTokenInvalid extends ProviderRefused {

    public DeviceTokenInvalid(String message) {
        super(message);
    }
}

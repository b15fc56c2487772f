package io.mall.shipping.client;

import io.mall.domain.NotAuthenticated;

/** A webhook call that cannot be shown to come from the carrier it names: answered 401, nothing read. */
public class WebhookRefused extends NotAuthenticated {

    public WebhookRefused(String message) {
        super(message);
    }
}

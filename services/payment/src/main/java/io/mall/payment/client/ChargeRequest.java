package io.mall.payment.client;

import java.time.Instant;
import java.util.UUID;

import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;

/**
 * A charge for one order.
 *
 * @param idempotencyKey the payment's id: the gateway charges once per key
 * @param cardToken      a card's gateway token (new or saved); null for other methods
 * @param capture        take the money at once; false holds it (cards only)
 * @param returnUrl      a wallet sends the shopper's browser back there
 * @param expiresAt      a virtual account or wallet approval is closed then
 */
public record ChargeRequest(String idempotencyKey, UUID orderId, Money amount, PaymentMethod method, String cardToken,
        boolean capture, String returnUrl, Instant expiresAt) {

    @Override
    public String toString() {
        // the token is a secret of the shopper's card: it stays out of logs
        return "ChargeRequest[" + idempotencyKey + ", order " + orderId + ", " + amount + ", " + method + "]";
    }
}

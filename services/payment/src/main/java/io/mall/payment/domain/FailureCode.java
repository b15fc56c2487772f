package io.mall.payment.domain;

/** Why a payment or a refund failed; the contracts carry its name. */
public enum FailureCode {
    DECLINED("the card was declined"),
    INSUFFICIENT_FUNDS("the card has insufficient funds"),
    EXPIRED_CARD("the card has expired"),
    PROCESSING_ERROR("the gateway could not process the payment"),
    GATEWAY_UNAVAILABLE("the payment gateway cannot be reached"),
    INVALID_REQUEST("the payment request was refused"),
    EXPIRED("no deposit or approval came in time"),
    CANCELLED("the payment was cancelled");

    private final String description;

    FailureCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

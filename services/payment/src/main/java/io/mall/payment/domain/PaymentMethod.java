package io.mall.payment.domain;

/** How a shopper pays. */
public enum PaymentMethod {
    /** A card, by a gateway token (new) or a saved card; charged at once or authorised and captured later. */
    CARD,
    /** A virtual account the shopper deposits into; the bank's notification captures it, or it expires. */
    BANK_TRANSFER,
    /** A wallet (PayPal and the like): the shopper approves at the wallet, then it is captured. */
    EASY_PAY
}

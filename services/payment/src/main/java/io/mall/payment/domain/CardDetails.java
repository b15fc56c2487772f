package io.mall.payment.domain;

/** What may be known of a card besides its gateway token: never its number. */
public record CardDetails(String token, String brand, String last4, int expMonth, int expYear) {

    /** A card is good until the end of its expiry month. */
    public boolean hasExpired(java.time.YearMonth now) {
        return java.time.YearMonth.of(expYear, expMonth).isBefore(now);
    }

    @Override
    public String toString() {
        // the token is a secret of the shopper's card: it stays out of logs
        return brand + " ending " + last4 + " (" + expMonth + "/" + expYear + ")";
    }
}

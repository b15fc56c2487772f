package io.mall.payment.domain;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import io.mall.domain.BrokenRule;

/**
 * An amount in a currency's minor unit (cents; the won has none), with its ISO 4217 code. Never a
 * floating-point number: sums and refunds are exact.
 */
public record Money(long minor, String currency) {

    /** A hundred billion minor units: no order is larger (the contracts agree). */
    public static final long MAX_MINOR = io.mall.contracts.payment.Limits.MAX_AMOUNT_MINOR;

    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    public Money {
        if (currency == null || !ISO_4217.contains(currency)) {
            throw new BrokenRule("currency", "must be an ISO 4217 code such as KRW or USD");
        }
        if (minor < 0) {
            throw new BrokenRule("amountMinor", "must not be negative");
        }
    }

    /** A positive amount a shopper can be charged or refunded: more than zero, at most {@link #MAX_MINOR}. */
    public static Money positive(long minor, String currency, String field) {
        if (minor <= 0) {
            throw new BrokenRule(field, "must be more than zero");
        }
        if (minor > MAX_MINOR) {
            throw new BrokenRule(field, "must be at most " + MAX_MINOR);
        }
        return new Money(minor, currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(minor - other.minor, currency);
    }

    public boolean exceeds(Money other) {
        sameCurrency(other);
        return minor > other.minor;
    }

    public boolean isZero() {
        return minor == 0;
    }

    @Override
    public String toString() {
        return minor + " " + currency + " (minor units)";
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new BrokenRule("currency", "is " + other.currency + "; the payment is in " + currency);
        }
    }
}

package io.mall.shipping.domain;

/**
 * Korean postal codes {@code from}..{@code to}, both included (five digits compare as numbers),
 * named for people (e.g. {@code Jeju}).
 */
public record PostalRange(String name, int from, int to) {

    public PostalRange {
        if (from > to || from < 0 || to > 99_999) {
            throw new io.mall.domain.BrokenRule("rules", "postal range " + name + " must run from a lower to a higher five-digit code");
        }
    }

    public boolean contains(String postalCode) {
        int code = Integer.parseInt(postalCode);
        return code >= from && code <= to;
    }
}

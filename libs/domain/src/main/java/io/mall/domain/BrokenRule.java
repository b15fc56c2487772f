package io.mall.domain;

/** A value breaks a business rule; {@code field} names it as the request calls it (e.g. {@code delta}, {@code lines[0].sku}). */
public class BrokenRule extends DomainException {

    private final String field;

    public BrokenRule(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package io.mall.domain;

/** The request is valid, but the thing it is about is in a state that does not allow it (a stale version, a duplicate). */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}

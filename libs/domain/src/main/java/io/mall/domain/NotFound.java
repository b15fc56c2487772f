package io.mall.domain;

/** What was asked for does not exist (or is not the caller's to see). */
public class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}

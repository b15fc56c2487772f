package io.mall.domain;

/** The caller is known, but may not do this (a locked account signing in). */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(message);
    }
}

package io.mall.domain;

/** The credentials presented (a password, a refresh token) do not prove who the caller is. */
public class NotAuthenticated extends DomainException {

    public NotAuthenticated(String message) {
        super(message);
    }
}

package io.mall.domain;

/**
 * Something this service needs to decide cannot answer now (another service, its breaker open):
 * nothing was done, and the same request may succeed shortly.
 */
public class Unavailable extends DomainException {

    public Unavailable(String message) {
        super(message);
    }
}

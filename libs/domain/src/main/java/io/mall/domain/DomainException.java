package io.mall.domain;

/**
 * A refusal by a service's domain: something asked for does not exist, conflicts with the state
 * it is in, or breaks a rule. The domain throws these and knows nothing of HTTP; {@code libs/problem}
 * turns them into problem answers, and a Kafka consumer treats them as answers, not failures.
 * No stack trace: a refusal is an expected outcome, not a bug to debug.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}

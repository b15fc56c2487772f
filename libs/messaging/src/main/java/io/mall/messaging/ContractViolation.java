package io.mall.messaging;

/**
 * A message that cannot be read, or breaks its contract (a required id missing, a quantity below
 * one). Trying it again cannot help: it goes to the dead-letter topic at once, with this message
 * as the reason.
 */
public class ContractViolation extends RuntimeException {

    public ContractViolation(String reason) {
        super(reason);
    }

    public ContractViolation(String reason, Throwable cause) {
        super(reason, cause);
    }
}

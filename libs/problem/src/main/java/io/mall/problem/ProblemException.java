package io.mall.problem;

import java.util.List;

/**
 * A request the service refuses for a reason its own rules know: answered as a problem with this
 * status, detail and (for bad fields) violations. Thrown by resources and the code they call.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    /** 422: the request is well-formed, but {@code field} breaks a rule. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(422, "invalid request: " + field, List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}

package io.mall.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotAuthenticated;
import io.mall.domain.NotFound;
import io.mall.domain.NotPermitted;
import io.mall.domain.TooManyAttempts;
import io.mall.domain.Unavailable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.ConnectionPoolTooBusyException;

/**
 * Every error a Mall service answers, as {@code application/problem+json}. Client errors say what
 * was wrong and name the field; server errors say nothing of the internals (the log has them,
 * under the trace id the body carries).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String ABOUT_BLANK = "about:blank";

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "%s %s failed", status, uri.getPath());
        }
        Response.ResponseBuilder answer = problem(status, clientDetail(e, status), uri, List.of());
        // keep headers that tell the client what to do next, e.g. Allow on 405 or Retry-After on 503
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (isAboutReturnValue(e)) {
            LOG.errorf(e, "response of %s broke its own constraints", uri.getPath());
            return problem(500, null, uri, List.of()).build();
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(ViolationPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String fields = String.join(", ", violations.stream().map(Problem.Violation::field).distinct().toList());
        // a body that reads fine but breaks a rule is unprocessable content; a bad query or path
        // parameter makes the request itself malformed
        int status = isAboutBody(e) ? 422 : 400;
        return problem(status, "invalid request: " + fields, uri, violations).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.getMessage(), uri, e.violations()).build();
    }

    /** The domain's refusals: the one place where they become HTTP statuses. */
    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return problem(404, e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return problem(409, e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response brokenRule(BrokenRule e, UriInfo uri) {
        List<Problem.Violation> violations = e.field() == null ? List.of() : List.of(new Problem.Violation(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : "invalid request: " + e.field();
        return problem(422, detail, uri, violations).build();
    }

    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticated e, UriInfo uri) {
        return problem(401, e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e, UriInfo uri) {
        return problem(403, e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttempts e, UriInfo uri) {
        return problem(429, e.getMessage(), uri, List.of())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).build();
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e, UriInfo uri) {
        return problem(503, e.getMessage(), uri, List.of()).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        LOG.errorf(e, "validation of %s could not run", uri.getPath());
        return problem(500, null, uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "this account may not do that", uri, List.of()).build();
    }

    /** More requests wait for a store connection than the pool queues: the service is saturated, not broken. */
    @ServerExceptionMapper
    public Response saturated(ConnectionPoolTooBusyException e, UriInfo uri) {
        LOG.warnf("%s: %s", uri.getPath(), e.getMessage());
        return problem(503, "the service is busy; try again shortly", uri, List.of()).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (StoreFailures.isUnreachable(e)) {
            // the store is down or out of reach: nothing was done, and a retry may well succeed
            LOG.warnf("%s: a store cannot be reached: %s", uri.getPath(), e.toString());
            return problem(503, "a store this service needs cannot be reached; try again shortly", uri, List.of())
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (StoreFailures.isFull(e)) {
            LOG.warnf("%s: a store is full: %s", uri.getPath(), e.getMessage());
            return problem(503, "this cannot be saved just now; try again later", uri, List.of())
                    .header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        if (StoreFailures.isVersionConflict(e)) {
            return problem(409, "it was changed at the same time by another request; read it again and retry", uri, List.of())
                    .build();
        }
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        return problem(500, null, uri, List.of()).build();
    }

    private Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? ViolationPaths.of(mapping) : "";
        if (field.isEmpty()) {
            return problem(400, "the request body is not valid JSON", uri, List.of()).build();
        }
        String message = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "must be a " + jsonTypeName(mismatch.getTargetType())
                : "has a value that cannot be read";
        return problem(400, "invalid request: " + field, uri, List.of(new Problem.Violation(field, message))).build();
    }

    private Response unauthenticated(UriInfo uri) {
        return problem(401, "a valid bearer token is required", uri, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response.ResponseBuilder problem(int status, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        Problem body = new Problem(ABOUT_BLANK, title, status, detail, uri.getPath(), MDC.get("traceId") instanceof String id ? id : null,
                violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    /** A 4xx message written by our own code is meant for the client; JAX-RS's stock "HTTP 404 Not Found" says nothing. */
    private static String clientDetail(WebApplicationException e, int status) {
        String message = e.getMessage();
        if (status >= 500 || message == null || message.startsWith("HTTP " + status)) {
            return null;
        }
        return message;
    }

    /** A violation inside a parameter (its fields) rather than of a plain parameter itself. */
    private static boolean isAboutBody(ConstraintViolationException e) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            boolean parameterSeen = false;
            for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                if (parameterSeen) {
                    return true;
                }
                parameterSeen = node.getKind() == ElementKind.PARAMETER;
            }
        }
        return false;
    }

    private static boolean isAboutReturnValue(ConstraintViolationException e) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String jsonTypeName(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }
}

package io.mall.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code violations} names each bad field of a request;
 * {@code traceId} lets support find the request in the logs without exposing anything else.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String traceId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: where it is in the request ({@code address.zipCode}, {@code size}) and what is wrong. */
    public record Violation(String field, String message) {
    }
}

package io.mall.notification.client;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * A provider's HTTP answer, read the same way by every adapter: status, JSON body (null when none)
 * and when it asked to be called again. A request that got no answer (refused connection, timeout)
 * fails as {@link ProviderUnavailable}.
 */
public record ProviderReply(int status, JsonNode body, Duration retryAfter, String header) {

    /**
     * @param idHeader a response header the adapter needs (the message id SendGrid answers in), or null
     */
    public static Uni<ProviderReply> read(Uni<Response> request, String provider, ObjectMapper json, String idHeader) {
        return request.onFailure().transform(failure -> new ProviderUnavailable(provider + " did not answer: " + failure.getMessage(), failure))
                .map(response -> {
                    String text = response.hasEntity() ? response.readEntity(String.class) : null;
                    return new ProviderReply(response.getStatus(), parse(text, json), retryAfter(response),
                            idHeader == null ? null : response.getHeaderString(idHeader));
                });
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A rate limit, the provider's own failure, or refused credentials: none is the message's fault. */
    public boolean isPassing() {
        return status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
    }

    /** Fails with {@link ProviderUnavailable} for a passing failure, carrying when to come back. */
    public ProviderReply throwIfPassing(String provider, String detail) {
        if (isPassing()) {
            throw new ProviderUnavailable(provider + " answered " + status + ": " + detail, retryAfter);
        }
        return this;
    }

    /** {@code Retry-After} in seconds or as a date, else a rate limit's reset time (SendGrid's {@code X-RateLimit-Reset}). */
    private static Duration retryAfter(Response response) {
        String after = response.getHeaderString("Retry-After");
        if (after != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(after.strip())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = java.time.ZonedDateTime.parse(after.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), at);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return null;
                }
            }
        }
        String reset = response.getHeaderString("X-RateLimit-Reset");
        if (reset != null && response.getStatus() == 429) {
            try {
                Duration until = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

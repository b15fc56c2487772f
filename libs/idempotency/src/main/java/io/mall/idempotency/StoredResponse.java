package io.mall.idempotency;

/**
 * The answer a request got, kept under its key to be given again.
 *
 * @param status   the HTTP status
 * @param location the {@code Location} header, or null
 * @param body     the body as JSON, or null
 */
public record StoredResponse(int status, String location, String body) {
}

package io.mall.shipping.client;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * A carrier's HTTP answer, read the same way by every adapter: its status and JSON body (null when
 * there is none or it is not JSON). Refused credentials (401, 403), rate limits (429) and the
 * carrier's own failures (5xx) fail as {@link CarrierUnavailable}, to be tried again later; every
 * other status is an answer for the adapter to read.
 */
public record CarrierReply(int status, JsonNode body) {

    public static Uni<CarrierReply> read(Uni<Response> request, String carrier, ObjectMapper json) {
        return request.map(response -> {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : null;
            if (status == 401 || status == 403) {
                throw new CarrierUnavailable(carrier + " refused this service's credentials (" + status + ")");
            }
            if (status == 429 || status >= 500) {
                throw new CarrierUnavailable(carrier + " answered " + status);
            }
            return new CarrierReply(status, parse(text, json));
        });
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The carrier's own words about a refusal, for logs and refusal events. */
    public String detail() {
        if (body == null) {
            return "status " + status;
        }
        for (String field : new String[] { "detail", "message", "title" }) {
            if (body.hasNonNull(field)) {
                return body.get(field).asText();
            }
        }
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).path("code").asText() + ": " + errors.get(0).path("message").asText();
        }
        return "status " + status;
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

package io.mall.payment.client;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * A provider's HTTP answer, read the same way for every adapter: its status and its JSON body
 * (null when there is none, or it is not JSON, e.g. a proxy's error page). Statuses that say the
 * request did nothing (401, 403: our credentials refused) fail as {@link GatewayUnreachable}; those
 * that leave it open whether it did something (429, 5xx) fail as {@link OutcomeUnknown}; every
 * other status is an answer for the adapter to read.
 */
public record GatewayReply(int status, JsonNode body) {

    public static Uni<GatewayReply> read(Uni<Response> request, String provider, ObjectMapper json) {
        return request.map(response -> {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new GatewayUnreachable(provider + " refused this service's credentials (" + status + ")", null);
            }
            if (status == 429 || status >= 500) {
                throw new OutcomeUnknown(provider + " answered " + status, null);
            }
            return new GatewayReply(status, parse(response.hasEntity() ? response.readEntity(String.class) : null, json));
        });
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

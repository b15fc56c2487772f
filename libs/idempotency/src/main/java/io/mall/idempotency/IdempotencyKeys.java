package io.mall.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.mall.problem.Problem;
import io.mall.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Runs a POST once per {@code Idempotency-Key} (Stripe's semantics). A request that ends in an
 * error keeps nothing under its key, so that it can be tried again: such a request changed
 * nothing (bad input, a conflict) or failed on the way (a store that is down), and its retry must
 * run. Only a successful answer is given again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer given again from an earlier request with the same key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock clock;
    private final IdempotencyConfig config;

    IdempotencyKeys(IdempotencyStore store, ObjectMapper json, Clock clock, IdempotencyConfig config) {
        this.store = store;
        this.json = json;
        // the same body in another field or map order is the same request
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
        this.config = config;
    }

    /**
     * Runs {@code work} for the first request with this key from this caller, and gives its answer
     * again to every later one with the same operation and body.
     *
     * @param key       the request's {@code Idempotency-Key} header, or null
     * @param required  whether a request without a key is refused (POSTs that move stock or money)
     * @param caller    whose key it is (keys of different callers never meet)
     * @param operation what is asked, e.g. {@code POST /api/v1/inventory/SKU-1/adjustments}
     * @param request   the request body as parsed
     * @param answer    the type of the answer's body, to give a stored answer again
     */
    public <T> Uni<RestResponse<T>> once(String key, boolean required, String caller, String operation, Object request,
            Class<T> answer, Supplier<Uni<RestResponse<T>>> work) {
        if (key == null) {
            if (required) {
                throw badKey("this request needs an Idempotency-Key header, so that retrying it cannot do it twice");
            }
            return Uni.createFrom().<RestResponse<T>>deferred(work::get);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw badKey("an Idempotency-Key is 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(operation, request);
        Instant now = clock.instant();
        return store.claim(caller, key, fingerprint, now, now.minus(config.abandonAfter())).chain(held -> {
            if (held.isEmpty()) {
                return run(caller, key, work);
            }
            IdempotencyRecord record = held.get();
            if (!record.fingerprint().equals(fingerprint)) {
                throw ProblemException.invalidField(HEADER, "was used for another request; use a new key for a new request");
            }
            if (!record.completed()) {
                throw new WebApplicationException("a request with this Idempotency-Key is still running; try again shortly",
                        Response.status(409).header(HttpHeaders.RETRY_AFTER, "1").build());
            }
            return Uni.createFrom().item(replay(record.response(), answer));
        });
    }

    private <T> Uni<RestResponse<T>> run(String caller, String key, Supplier<Uni<RestResponse<T>>> work) {
        return Uni.createFrom().<RestResponse<T>>deferred(work::get)
                .onFailure().call(failure -> store.release(caller, key).onFailure().recoverWithItem(releaseFailure -> {
                    LOG.warnf("could not give back Idempotency-Key %s after a failure: %s", key, releaseFailure.getMessage());
                    return null;
                }))
                .call(response -> store.complete(caller, key, stored(response), clock.instant())
                        .onFailure().recoverWithItem(completeFailure -> {
                            // the answer stands; a retry within abandon-after gets 409, after it runs again
                            LOG.warnf("could not keep the answer under Idempotency-Key %s: %s", key, completeFailure.getMessage());
                            return null;
                        }));
    }

    private StoredResponse stored(RestResponse<?> response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        try {
            return new StoredResponse(response.getStatus(), location == null ? null : location.toString(),
                    response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer does not serialise", e);
        }
    }

    private <T> RestResponse<T> replay(StoredResponse stored, Class<T> answer) {
        try {
            T body = stored.body() == null ? null : json.readValue(stored.body(), answer);
            RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.<T>create(stored.status()).entity(body)
                    .header(REPLAYED_HEADER, "true");
            if (stored.location() != null) {
                builder.header(HttpHeaders.LOCATION, stored.location());
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept answer does not read back as " + answer.getSimpleName(), e);
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + canonical.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request does not serialise", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static ProblemException badKey(String message) {
        return new ProblemException(400, "invalid request: " + HEADER, List.of(new Problem.Violation(HEADER, message)));
    }
}

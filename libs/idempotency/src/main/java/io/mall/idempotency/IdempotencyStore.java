package io.mall.idempotency;

import java.time.Instant;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Keys and the answers they got, in the service's own store. Each operation is atomic on one key,
 * so of two requests with one key exactly one takes it. Records older than
 * {@code mall.idempotency.keep} may be forgotten.
 */
public interface IdempotencyStore {

    /**
     * Takes the key for a request with this fingerprint and says so with an empty answer, unless a
     * request holds it or has completed with it: then that request's record. A key held by a
     * request that started before {@code abandonedBefore} and never completed (its replica died) is
     * taken over.
     */
    Uni<Optional<IdempotencyRecord>> claim(String scope, String key, String fingerprint, Instant now, Instant abandonedBefore);

    /** Keeps the answer under the key taken by {@link #claim}. */
    Uni<Void> complete(String scope, String key, StoredResponse response, Instant now);

    /** Gives a key back after its request failed, so that trying again runs it again. */
    Uni<Void> release(String scope, String key);
}

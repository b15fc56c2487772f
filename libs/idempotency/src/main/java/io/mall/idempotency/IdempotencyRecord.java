package io.mall.idempotency;

/**
 * What a key holds: the fingerprint of the request that took it and, once that request is done,
 * its answer (null while it is still running).
 */
public record IdempotencyRecord(String fingerprint, StoredResponse response) {

    public boolean completed() {
        return response != null;
    }
}

package io.mall.user.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which keys sign and which verify. The newest key signs. A key that has been replaced is still
 * published until every token it could have signed has expired (the access-token lifetime plus
 * a margin for clock skew), so rotating never logs anybody out.
 */
public final class KeyRing {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final List<SigningKey> keys;

    public KeyRing(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        List<SigningKey> newestFirst = new ArrayList<>(keys);
        newestFirst.sort(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::id).reversed());
        this.keys = List.copyOf(newestFirst);
    }

    public SigningKey signing() {
        return keys.get(0);
    }

    /** The keys whose tokens may still be alive: what the JWKS publishes. */
    public List<SigningKey> verifying(Instant now, Duration tokenLifetime) {
        List<SigningKey> alive = new ArrayList<>();
        alive.add(keys.get(0));
        for (int i = 1; i < keys.size(); i++) {
            // key i stopped signing when key i-1 was created
            Instant lastTokenExpires = keys.get(i - 1).createdAt().plus(tokenLifetime).plus(CLOCK_SKEW);
            if (lastTokenExpires.isAfter(now)) {
                alive.add(keys.get(i));
            }
        }
        return alive;
    }

    /** Keys that can no longer have a live token: safe to delete. */
    public List<SigningKey> retired(Instant now, Duration tokenLifetime) {
        List<SigningKey> alive = verifying(now, tokenLifetime);
        return keys.stream().filter(key -> !alive.contains(key)).toList();
    }

    public boolean isDueForRotation(Instant now, Duration rotateEvery) {
        return !signing().createdAt().plus(rotateEvery).isAfter(now);
    }

    public List<SigningKey> all() {
        return keys;
    }
}

package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static SigningKey key(String id, Instant created) {
        return new SigningKey(id, created, null, null);
    }

    @Test
    void theNewestKeySigns() {
        KeyRing ring = new KeyRing(List.of(key("a", T0), key("c", T0.plus(Duration.ofDays(60))), key("b", T0.plus(Duration.ofDays(30)))));

        assertThat(ring.signing().id()).isEqualTo("c");
    }

    @Test
    void aReplacedKeyVerifiesUntilItsLastTokenHasExpired() {
        Instant rotated = T0.plus(Duration.ofDays(30));
        KeyRing ring = new KeyRing(List.of(key("old", T0), key("new", rotated)));

        assertThat(ring.verifying(rotated.plus(Duration.ofMinutes(10)), TOKEN_LIFETIME)).extracting(SigningKey::id)
                .containsExactly("new", "old");
        assertThat(ring.verifying(rotated.plus(Duration.ofMinutes(17)), TOKEN_LIFETIME)).extracting(SigningKey::id)
                .containsExactly("new");
        assertThat(ring.retired(rotated.plus(Duration.ofMinutes(17)), TOKEN_LIFETIME)).extracting(SigningKey::id)
                .containsExactly("old");
    }

    @Test
    void rotationIsDueOnceTheSigningKeyIsOldEnough() {
        KeyRing ring = new KeyRing(List.of(key("a", T0)));

        assertThat(ring.isDueForRotation(T0.plus(Duration.ofDays(29)), Duration.ofDays(30))).isFalse();
        assertThat(ring.isDueForRotation(T0.plus(Duration.ofDays(30)), Duration.ofDays(30))).isTrue();
    }
}

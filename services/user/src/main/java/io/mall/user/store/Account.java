package io.mall.user.store;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.mall.user.domain.Language;
import io.mall.user.domain.Role;

/** An account as its owner and staff see it: personal data decrypted, secrets left out. */
public record Account(
        UUID id,
        String email,
        String displayName,
        String phone,
        Language locale,
        Set<Role> roles,
        boolean locked,
        Instant createdAt,
        Instant updatedAt) {
}

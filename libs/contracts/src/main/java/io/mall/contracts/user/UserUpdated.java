package io.mall.contracts.user;

import java.util.List;
import java.util.UUID;

/**
 * {@code user.updated}: the account's profile, roles or lock changed; the state after the change.
 *
 * @param roles  e.g. {@code [CUSTOMER, ADMIN]}
 * @param locked whether an administrator has locked the account
 */
public record UserUpdated(UUID userId, String email, String displayName, String locale, List<String> roles,
        boolean locked) {
}

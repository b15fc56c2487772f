package io.mall.contracts.user;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code user.updated}: the account's profile, roles or lock changed; the state after the change,
 * without personal data (see {@link UserRegistered}).
 *
 * @param roles  e.g. {@code [CUSTOMER, ADMIN]}
 * @param locked whether an administrator has locked the account
 */
public record UserUpdated(@NotNull UUID userId, String locale, List<String> roles, boolean locked) {
}

package io.mall.contracts.user;

import java.util.UUID;

/**
 * {@code user.registered}: a new account. Carries what a welcome message needs.
 *
 * @param locale {@code ko} or {@code en}
 */
public record UserRegistered(UUID userId, String email, String displayName, String locale) {
}

package io.mall.contracts.user;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code user.registered}: a new account. Ids and facts only: an event stays in Kafka and in its
 * consumers' stores where an erasure cannot reach it, so whoever needs the person's contact
 * details asks the user service for them ({@code GET /internal/users/{id}}) when it needs them.
 *
 * @param locale {@code ko} or {@code en}
 */
public record UserRegistered(@NotNull UUID userId, String locale) {
}

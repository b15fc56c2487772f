package io.mall.contracts.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code user.password-changed}: the account's password was changed (every other session was ended
 * with it). The owner is told, so a change they did not make is noticed.
 */
public record PasswordChanged(@NotNull UUID userId, @NotNull Instant at) {
}

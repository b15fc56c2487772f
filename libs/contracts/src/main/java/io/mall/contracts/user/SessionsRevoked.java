package io.mall.contracts.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code user.sessions-revoked}: these sign-in sessions ended (sign-out, a reused refresh token, a
 * lock, a role or password change, erasure). Access tokens carry their session in {@code sid}; every
 * service refuses tokens of these sessions until {@code tokensExpireBy}, when the last access token
 * issued for them expires anyway.
 *
 * @param sessionIds     the sessions ({@code sid} values) whose access tokens may still be alive
 * @param tokensExpireBy when the last of those access tokens expires
 */
public record SessionsRevoked(
        @NotNull UUID userId,
        @NotEmpty @Size(max = 10_000) List<@NotNull UUID> sessionIds,
        @NotNull Instant tokensExpireBy) {
}

package io.mall.contracts.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code user.signed-in}: a new session was started with the account's password (a refreshed
 * session is not a new sign-in). The owner is told, so a sign-in they did not make is noticed;
 * the client's address stays in the user service.
 *
 * @param sessionId the session ({@code sid} of its access tokens)
 */
public record SignedIn(@NotNull UUID userId, @NotNull UUID sessionId, @NotNull Instant at) {
}

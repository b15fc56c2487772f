package io.mall.contracts.user;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code user.erased}: the person asked to be forgotten. Every service removes or anonymises what
 * it holds about {@code userId} (orders keep their amounts, lose the person).
 */
public record UserErased(@NotNull UUID userId) {
}

package io.mall.user.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mall.user.store.Account;

/** An account as the API shows it. */
public record AccountResponse(
        UUID id,
        String email,
        String displayName,
        String phone,
        String locale,
        List<String> roles,
        boolean locked,
        Instant createdAt,
        Instant updatedAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id(), account.email(), account.displayName(), account.phone(),
                account.locale().name(), account.roles().stream().sorted().map(Enum::name).toList(),
                account.locked(), account.createdAt(), account.updatedAt());
    }
}

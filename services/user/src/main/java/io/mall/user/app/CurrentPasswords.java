package io.mall.user.app;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.user.domain.User;
import io.mall.user.store.Passwords;
import io.smallrye.mutiny.Uni;

/**
 * The current password asked of a signed-in shopper before something that cannot be undone by a
 * stolen session alone (a new password, erasure). Checked through the sign-in throttle, so a stolen
 * access token cannot be used to guess the password at bcrypt speed; a throttled attempt gets the
 * answer of a wrong password.
 */
@ApplicationScoped
public class CurrentPasswords {

    private final Passwords passwords;
    private final PasswordAttempts attempts;

    CurrentPasswords(Passwords passwords, PasswordAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    /** Refuses, naming {@code field}, unless {@code password} is the account's and the throttle lets it be checked. */
    public Uni<Void> check(User user, String password, String field, String address) {
        return attempts.take(user.email, address, false)
                .chain(allowed -> allowed ? passwords.matches(password, user.passwordHash) : Uni.createFrom().item(false))
                .chain(matches -> {
                    if (!matches) {
                        throw new BrokenRule(field, "is not the account's password");
                    }
                    return attempts.succeeded(user.email, address, false);
                });
    }
}

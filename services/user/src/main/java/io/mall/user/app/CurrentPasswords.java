package io.mall.user.app;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.user.UserConfig;
import io.mall.user.domain.LoginThrottle;
import io.mall.user.domain.User;
import io.mall.user.store.LoginAttempts;
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
    private final LoginAttempts attempts;
    private final LoginThrottle perAccountAndAddress;
    private final LoginThrottle perAccount;
    private final Duration forgetAfter;

    CurrentPasswords(Passwords passwords, LoginAttempts attempts, UserConfig config) {
        this.passwords = passwords;
        this.attempts = attempts;
        UserConfig.Login login = config.login();
        this.perAccountAndAddress = new LoginThrottle(login.freeAttemptsPerAccountAndAddress(), login.firstDelay(), login.maxDelay());
        this.perAccount = new LoginThrottle(login.freeAttemptsPerAccount(), login.firstDelay(), login.maxDelay());
        this.forgetAfter = login.forgetAfter();
    }

    /** Refuses, naming {@code field}, unless {@code password} is the account's and the throttle lets it be checked. */
    public Uni<Void> check(User user, String password, String field, String address) {
        String account = "account:" + user.email;
        String accountFromAddress = account + "|address:" + address;
        return attempts.take(accountFromAddress, perAccountAndAddress, forgetAfter)
                .chain(allowed -> allowed ? attempts.take(account, perAccount, forgetAfter) : Uni.createFrom().item(false))
                .chain(allowed -> allowed ? passwords.matches(password, user.passwordHash) : Uni.createFrom().item(false))
                .chain(matches -> {
                    if (!matches) {
                        throw new BrokenRule(field, "is not the account's password");
                    }
                    return attempts.forget(accountFromAddress).chain(() -> attempts.forget(account));
                });
    }
}

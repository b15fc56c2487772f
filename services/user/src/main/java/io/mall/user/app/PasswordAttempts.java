package io.mall.user.app;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.UserConfig;
import io.mall.user.domain.LoginThrottle;
import io.mall.user.store.LoginAttempts;
import io.smallrye.mutiny.Uni;

/**
 * Attempts to prove a password, counted before it is checked (see {@link LoginThrottle}): per
 * account from one address, per account, and for sign-ins per address against any account. Counts
 * are kept under keys that name the account by its normalised email and the client by its address.
 */
@ApplicationScoped
public class PasswordAttempts {

    private final LoginAttempts attempts;
    private final LoginThrottle perAccountAndAddress;
    private final LoginThrottle perAccount;
    private final LoginThrottle perAddress;
    private final Duration forgetAfter;

    PasswordAttempts(LoginAttempts attempts, UserConfig config) {
        this.attempts = attempts;
        UserConfig.Login login = config.login();
        this.perAccountAndAddress = new LoginThrottle(login.freeAttemptsPerAccountAndAddress(), login.firstDelay(), login.maxDelay());
        this.perAccount = new LoginThrottle(login.freeAttemptsPerAccount(), login.firstDelay(), login.maxDelay());
        this.perAddress = new LoginThrottle(login.freeAttemptsPerAddress(), login.firstDelay(), login.maxDelay());
        this.forgetAfter = login.forgetAfter();
    }

    /**
     * Takes an attempt on every count the throttle keeps, stopping at the first that says wait;
     * {@code signIn}: also the address's count against any account.
     */
    public Uni<Boolean> take(String email, String address, boolean signIn) {
        Uni<Boolean> taken = attempts.take(accountFrom(email, address), perAccountAndAddress, forgetAfter)
                .chain(allowed -> allowed ? attempts.take(account(email), perAccount, forgetAfter) : Uni.createFrom().item(false));
        return signIn
                ? taken.chain(allowed -> allowed ? attempts.take(address(address), perAddress, forgetAfter) : Uni.createFrom().item(false))
                : taken;
    }

    /**
     * The password was right: the account's counts start again; an address's count, which many
     * accounts may share, only gets its attempt back.
     */
    public Uni<Void> succeeded(String email, String address, boolean signIn) {
        Uni<Void> forgotten = attempts.forget(accountFrom(email, address)).chain(() -> attempts.forget(account(email)));
        return signIn ? forgotten.chain(() -> attempts.giveBack(address(address))) : forgotten;
    }

    /** Counts that stopped mattering. */
    public Uni<Void> pruneIdle(java.time.Instant now) {
        return attempts.prune(now.minus(forgetAfter));
    }

    private static String account(String email) {
        return "account:" + email;
    }

    private static String accountFrom(String email, String address) {
        return account(email) + "|" + address(address);
    }

    private static String address(String address) {
        return "address:" + address;
    }
}

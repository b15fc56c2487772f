package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15));

    @Test
    void wrongPasswordsInARowLockForAWhile() {
        User user = User.register("kim@example.com", "hash", Language.ko, NOW);

        user.failedSignIn(throttle, NOW);
        user.failedSignIn(throttle, NOW);
        assertThat(user.maySignIn(NOW)).isTrue();
        user.failedSignIn(throttle, NOW);

        assertThat(user.maySignIn(NOW)).isFalse();
        assertThat(user.maySignIn(NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(user.maySignIn(NOW.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        User user = User.register("kim@example.com", "hash", Language.ko, NOW);
        user.failedSignIn(throttle, NOW);
        user.failedSignIn(throttle, NOW);

        user.signedIn();
        user.failedSignIn(throttle, NOW);

        assertThat(user.maySignIn(NOW)).isTrue();
    }

    @Test
    void everyAccountStaysACustomer() {
        User user = User.register("kim@example.com", "hash", Language.ko, NOW);

        user.changeRoles(Set.of(Role.ADMIN), NOW);

        assertThat(user.roles).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
    }

    @Test
    void erasingKeepsTheIdAndNothingThatIdentifiesThePerson() {
        User user = User.register("kim@example.com", "hash", Language.ko, NOW);
        user.displayNameCipher = "k:abc";
        user.phoneCipher = "k:def";
        user.adminLocked = false;

        user.erase(NOW);

        assertThat(user.email).isEqualTo("erased-" + user.id + "@erased.invalid");
        assertThat(user.passwordHash).isNull();
        assertThat(user.displayNameCipher).isNull();
        assertThat(user.phoneCipher).isNull();
        assertThat(user.maySignIn(NOW)).isFalse();
    }
}

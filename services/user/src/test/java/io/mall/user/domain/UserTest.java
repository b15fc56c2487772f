package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void onlyAnAdministratorsLockOrErasureStopsAnAccountSigningIn() {
        User user = User.register("kim@example.com", "hash", Language.ko, NOW);
        assertThat(user.maySignIn(NOW)).isTrue();

        user.adminLocked = true;

        assertThat(user.maySignIn(NOW)).isFalse();
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

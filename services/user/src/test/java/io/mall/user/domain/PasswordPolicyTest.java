package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("qwertyuiopasdf", "password1234"));

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problemWith("river stones at dusk", "kim@example.com")).isEmpty();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.problemWith("비밀번호는열두글자입니다", "kim@example.com")).isEmpty();
        assertThat(policy.problemWith("비밀번호는열한글자이다", "kim@example.com")).contains("must be at least 12 characters long");
        // 40 Korean characters are 120 bytes: more than bcrypt reads, fine after pre-hashing
        assertThat(policy.problemWith("가나다라마바사아자차".repeat(4), "kim@example.com")).isEmpty();
    }

    @Test
    void refusesShortMissingOrOverlongPasswords() {
        assertThat(policy.problemWith("12345678901", "kim@example.com")).isPresent();
        assertThat(policy.problemWith(null, "kim@example.com")).isPresent();
        assertThat(policy.problemWith("x".repeat(129), "kim@example.com")).contains("must be at most 128 characters long");
    }

    @Test
    void refusesTheEmailAddressAndItsLocalPartInAnyCase() {
        assertThat(policy.problemWith("Kim.Minji@Example.com", "kim.minji@example.com")).contains("must not be the email address");
        assertThat(policy.problemWith("KIM.MINJI.KO", "kim.minji.ko@example.com")).contains("must not be the email address");
    }

    @Test
    void refusesCommonPasswordsInAnyCase() {
        assertThat(policy.problemWith("QwertyUiopAsdf", "kim@example.com")).get().asString().contains("common");
        assertThat(policy.problemWith("Password1234", "kim@example.com")).get().asString().contains("common");
    }
}

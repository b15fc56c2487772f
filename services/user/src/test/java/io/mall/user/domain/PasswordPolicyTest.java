package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("qwertyuiop", "password123"));

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problemWith("river stones at dusk", "kim@example.com")).isEmpty();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.problemWith("비밀번호는열글자입니다", "kim@example.com")).isEmpty();
        assertThat(policy.problemWith("비밀번호아홉글자다", "kim@example.com")).contains("must be at least 10 characters long");
    }

    @Test
    void refusesShortMissingOrOverlongPasswords() {
        assertThat(policy.problemWith("123456789", "kim@example.com")).isPresent();
        assertThat(policy.problemWith(null, "kim@example.com")).isPresent();
        assertThat(policy.problemWith("x".repeat(73), "kim@example.com")).contains("must be at most 72 bytes long");
    }

    @Test
    void refusesTheEmailAddressAndItsLocalPartInAnyCase() {
        assertThat(policy.problemWith("Kim.Minji@Example.com", "kim.minji@example.com")).contains("must not be the email address");
        assertThat(policy.problemWith("KIM.MINJI.", "kim.minji.@example.com")).contains("must not be the email address");
    }

    @Test
    void refusesCommonPasswordsInAnyCase() {
        assertThat(policy.problemWith("QwertyUiop", "kim@example.com")).get().asString().contains("common");
        assertThat(policy.problemWith("Password123", "kim@example.com")).get().asString().contains("common");
    }
}

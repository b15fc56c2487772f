package io.mall.user.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.mall.user.domain.Language;
import io.mall.user.domain.Role;

/** Request bodies of the user API. Shapes and sizes are checked here; the rules of a good password in the domain. */
final class Requests {

    /** E.164-like: an optional +, then 7 to 15 digits, spaces and dashes allowed between them. */
    static final String PHONE = "^\\+?[0-9][0-9 \\-]{5,18}[0-9]$";

    private Requests() {
    }

    record Register(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 20) @Pattern(regexp = PHONE, message = "must be a phone number such as +82 10 1234 5678") String phone,
            Language locale) {
    }

    record SignIn(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    }

    record ProfileChange(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
            @Size(max = 20) @Pattern(regexp = "^$|" + PHONE, message = "must be a phone number such as +82 10 1234 5678") String phone,
            Language locale) {
    }

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword, @NotNull @Size(max = 200) String newPassword) {
    }

    /** Erasing one's account: the current password, as for a new one. */
    record Erasure(@NotNull @Size(max = 200) String password) {
    }

    record RolesChange(@NotNull Set<@NotNull Role> roles) {
    }
}

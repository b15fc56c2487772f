package io.mall.user.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters (ASVS 2.1.1), at most
 * {@value #MAX_LENGTH} characters in any script (it is pre-hashed, so bcrypt's 72-byte limit does
 * not cut a long Korean password short), not the email address or its local part, and not among
 * the passwords most often seen in leaks.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    /** @param common lower-case passwords known from leaks */
    public PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** Why {@code password} may not be used by the owner of {@code email}, or empty when it may. */
    public Optional<String> problemWith(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT);
            String localPart = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.equals(address) || lower.equals(localPart)) {
                return Optional.of("must not be the email address");
            }
        }
        if (common.contains(lower)) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        return Optional.empty();
    }
}

package io.mall.user.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of an email address under which an account is stored: trimmed, Unicode NFC and
 * lower case, so {@code Kim@Example.COM} and {@code kim@example.com} are the same account.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    // deliberately plain: one @, a dot in the domain, no spaces; the mailbox proves the rest
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddress() {
    }

    /** The normalised address, or empty when {@code raw} is not shaped like an email address. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        if (email.length() > MAX_LENGTH || !SHAPE.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }
}

package io.mall.notification.domain;

import java.util.Optional;

/**
 * Phone numbers as text-message providers take them (E.164: {@code +821012345678}). Shoppers here
 * write Korean numbers the Korean way ({@code 010-1234-5678}), which are read as such.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The number in E.164 form, or empty when it cannot be one. */
    public static Optional<String> e164(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String digits = written.replaceAll("[\\s().-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+82" + digits.substring(1);
        }
        return digits.matches("\\+[1-9][0-9]{7,14}") ? Optional.of(digits) : Optional.empty();
    }
}

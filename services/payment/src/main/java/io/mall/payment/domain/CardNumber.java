package io.mall.payment.domain;

import java.time.YearMonth;

import io.mall.domain.BrokenRule;

/**
 * A card number as typed, checked (12 to 19 digits, spaces or dashes between groups, Luhn check
 * digit) and told apart by brand. It exists only between the tokenisation request and the token:
 * {@link #toString()} never shows it, and nothing keeps it but its last four digits.
 */
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** The number, or a refusal naming {@code number} that does not repeat it. */
    public static CardNumber parse(String typed) {
        if (typed == null) {
            throw new BrokenRule("number", "is required");
        }
        String digits = typed.replace(" ", "").replace("-", "");
        if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BrokenRule("number", "must be 12 to 19 digits");
        }
        if (!passesLuhn(digits)) {
            throw new BrokenRule("number", "is not a valid card number");
        }
        return new CardNumber(digits);
    }

    /** Refuses an expiry that is not a month of this year or later. */
    public static void checkExpiry(int month, int year, YearMonth now) {
        if (month < 1 || month > 12) {
            throw new BrokenRule("expMonth", "must be 1 to 12");
        }
        if (year < now.getYear() || year > now.getYear() + 30) {
            throw new BrokenRule("expYear", "must be this year or one of the next 30");
        }
        if (YearMonth.of(year, month).isBefore(now)) {
            throw new BrokenRule("expMonth", "the card has expired");
        }
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** For the sandbox's test cards only: compares without exposing the number. */
    public boolean is(String testNumber) {
        return digits.equals(testNumber);
    }

    public String brand() {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.startsWith("4")) {
            return "visa";
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (two == 34 || two == 37) {
            return "amex";
        }
        if (two == 35) {
            return "jcb";
        }
        if (four == 6011 || two == 65) {
            return "discover";
        }
        if (two == 62) {
            return "unionpay";
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return "card ending " + last4();
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}

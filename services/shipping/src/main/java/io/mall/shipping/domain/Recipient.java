package io.mall.shipping.domain;

import io.mall.domain.BrokenRule;

/**
 * Who receives the parcel and how the courier reaches them. The phone is kept as typed digits
 * with an optional leading {@code +} (7 to 15 digits, E.164's range); spaces, dashes and
 * brackets are dropped.
 */
public record Recipient(String name, String phone) {

    public static Recipient of(String name, String phone) {
        if (name == null || name.isBlank()) {
            throw new BrokenRule("recipientName", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BrokenRule("recipientName", "must be at most 100 characters, without control characters");
        }
        if (phone == null || phone.isBlank()) {
            throw new BrokenRule("phone", "is required");
        }
        String compact = phone.strip().replaceAll("[\\s().-]", "");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        if (digits.length() < 7 || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BrokenRule("phone", "must be 7 to 15 digits, optionally after a +");
        }
        return new Recipient(trimmed, compact);
    }
}

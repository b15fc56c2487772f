package io.mall.shipping.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.mall.domain.BrokenRule;

/**
 * Where a parcel goes, as a courier reads it. A Korean address is a five-digit postal code
 * (01000–63999), the road-name address ({@code line1}) and the detail (building, unit:
 * {@code line2}); an international one names its country (ISO 3166 alpha-2), city and street
 * lines, with region and postal code where the country has them. Values are trimmed; blank
 * optional values are absent.
 */
public record PostalAddress(String country, String postalCode, String region, String city, String line1, String line2) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern KOREAN_POSTAL_CODE = Pattern.compile("0[1-9][0-9]{3}|[1-5][0-9]{4}|6[0-3][0-9]{3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]");

    /** The address, checked; a refusal names the field. */
    public static PostalAddress of(String country, String postalCode, String region, String city, String line1, String line2) {
        String code = required(country, "country", 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new BrokenRule("country", "must be an ISO 3166 country code such as KR or US");
        }
        String postal = optional(postalCode, "postalCode", 12);
        String street = required(line1, "line1", 200);
        String detail = optional(line2, "line2", 200);
        String area = optional(region, "region", 100);
        String town = optional(city, "city", 100);
        if (code.equals("KR")) {
            if (postal == null || !KOREAN_POSTAL_CODE.matcher(postal).matches()) {
                throw new BrokenRule("postalCode", "must be a Korean five-digit postal code (01000 to 63999)");
            }
        } else {
            if (town == null) {
                throw new BrokenRule("city", "is required outside Korea");
            }
            if (postal != null && !POSTAL_CODE.matcher(postal).matches()) {
                throw new BrokenRule("postalCode", "must be 3 to 12 letters, digits, spaces or dashes");
            }
        }
        return new PostalAddress(code, postal, area, town, street, detail);
    }

    public boolean isKorean() {
        return country.equals("KR");
    }

    private static String required(String value, String field, int max) {
        String trimmed = optional(value, field, max);
        if (trimmed == null) {
            throw new BrokenRule(field, "is required");
        }
        return trimmed;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new BrokenRule(field, "must be at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BrokenRule(field, "must not contain control characters");
        }
        return trimmed;
    }
}

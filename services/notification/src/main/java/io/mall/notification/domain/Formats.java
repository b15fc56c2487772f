package io.mall.notification.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts and dates as a reader of the message's language writes them: {@code ₩125,000} and
 * {@code 2026년 11월 26일} in Korean, {@code November 26, 2026} in English; times in the reader's zone.
 */
public record Formats(Language language, ZoneId zone) {

    /** The languages messages are written in; anything else is read as English. */
    public enum Language {
        KO(Locale.KOREA), EN(Locale.US);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }

        public static Language of(String tag) {
            return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith("ko") ? KO : EN;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An amount in the currency's minor unit (won have none, cents two). */
    public String money(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor).movePointLeft(digits));
    }

    public String date(Instant instant) {
        return date(instant.atZone(zone).toLocalDate());
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
    }

    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale())
                .format(instant.atZone(zone));
    }
}

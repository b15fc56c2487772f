package io.mall.shipping.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mall.domain.BrokenRule;

/**
 * The fee rules of one version, as data an administrator can change: weight bands with a fee per
 * zone, zones and surcharges by Korean postal-code ranges, a free-shipping threshold, and what
 * each option adds and promises. Every quote names the version it was made with.
 *
 * @param zones       postal ranges per zone name; a code in none of them is in {@code defaultZone}
 * @param bands       ascending by {@code maxGrams}; a parcel goes in the first band it fits
 * @param surcharges  each range a destination falls in adds its amount (Jeju, other islands, remote areas)
 * @param freeAbove   an order subtotal at or above this pays no base fee (surcharges and premiums still apply)
 * @param options     what each option adds and promises; an option absent here is not offered
 * @param holidays    days no courier delivers, besides Saturdays and Sundays
 * @param abroad      the rules for parcels leaving Korea; none: only Korean addresses are quoted
 */
public record FeeSchedule(int version, String currency, Map<String, List<PostalRange>> zones, String defaultZone,
        List<WeightBand> bands, List<PostalRange> surcharges, Map<String, Long> surchargeAmounts, long freeAbove,
        Map<ShippingOption, OptionRule> options, Set<LocalDate> holidays, Abroad abroad) {

    /**
     * Parcels abroad: zones by country (ISO 3166 alpha-2), weight bands with a fee per zone, and the
     * options offered there (never same-day; postal ranges mean nothing abroad, so none restrict an
     * option). No island surcharges apply.
     *
     * @param zones     countries per zone name; a country in none of them is in {@code defaultZone}
     * @param freeAbove an order subtotal at or above this pays no base fee abroad; none: never free
     */
    public record Abroad(Map<String, List<String>> zones, String defaultZone, List<WeightBand> bands,
            Map<ShippingOption, OptionRule> options, Long freeAbove) {

        public Abroad {
            if (zones == null || defaultZone == null || bands == null || bands.isEmpty() || options == null) {
                throw new BrokenRule("rules", "abroad needs zones, a default zone, at least one weight band and options");
            }
            checkBands(bands, zones.keySet(), defaultZone, "abroad: ");
            if (options.containsKey(ShippingOption.SAME_DAY)) {
                throw new BrokenRule("rules", "abroad: no parcel leaves the country and arrives the same day");
            }
            if (options.values().stream().anyMatch(rule -> !rule.onlyIn().isEmpty())) {
                throw new BrokenRule("rules", "abroad: an option cannot be limited to Korean postal ranges");
            }
        }

        String zoneOf(String country) {
            return zones.entrySet().stream().filter(entry -> entry.getValue().contains(country)).map(Map.Entry::getKey).findFirst()
                    .orElse(defaultZone);
        }
    }

    /** Parcels up to {@code maxGrams} cost {@code fees.get(zone)} in that zone. */
    public record WeightBand(int maxGrams, Map<String, Long> fees) {
    }

    /**
     * @param premium     added to the base fee
     * @param businessDays how many business days after dispatch it arrives (0: the same day)
     * @param cutOff      orders after this local time leave the next business day (null: no cut-off)
     * @param onlyIn      the option is offered only for these postal ranges (empty: everywhere)
     */
    public record OptionRule(long premium, int businessDays, LocalTime cutOff, List<PostalRange> onlyIn) {
    }

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public FeeSchedule {
        if (zones == null || bands == null || bands.isEmpty() || surcharges == null || surchargeAmounts == null || options == null
                || defaultZone == null || currency == null) {
            throw new BrokenRule("rules", "need a currency, zones, a default zone, at least one weight band, surcharges and options");
        }
        if (holidays == null) {
            holidays = Set.of();
        }
        checkBands(bands, zones.keySet(), defaultZone, "");
    }

    /** Bands rise, and each has a fee for every zone and the default one. */
    private static void checkBands(List<WeightBand> bands, Set<String> zones, String defaultZone, String where) {
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).maxGrams() <= bands.get(i - 1).maxGrams()) {
                throw new BrokenRule("rules", where + "weight bands must rise: " + bands.get(i).maxGrams() + " g after "
                        + bands.get(i - 1).maxGrams() + " g");
            }
        }
        for (WeightBand band : bands) {
            for (String zone : zones) {
                if (!band.fees().containsKey(zone)) {
                    throw new BrokenRule("rules", where + "the " + band.maxGrams() + " g band has no fee for zone " + zone);
                }
            }
            if (!band.fees().containsKey(defaultZone)) {
                throw new BrokenRule("rules", where + "the " + band.maxGrams() + " g band has no fee for zone " + defaultZone);
            }
        }
    }

    /** The same rules under another version number (the store numbers what it keeps). */
    public FeeSchedule withVersion(int number) {
        return new FeeSchedule(number, currency, zones, defaultZone, bands, surcharges, surchargeAmounts, freeAbove, options, holidays, abroad);
    }

    /**
     * Every option offered for a parcel of {@code grams} to {@code destination} in an order worth
     * {@code subtotal}, ordered at {@code now}: its fee and the date it is promised by.
     */
    public List<Quote> quote(PostalAddress destination, long grams, long subtotal, Instant now) {
        if (grams <= 0) {
            throw new BrokenRule("weight", "must be more than 0 grams");
        }
        if (subtotal < 0) {
            throw new BrokenRule("subtotal", "must not be negative");
        }
        if (!destination.isKorean()) {
            return quoteAbroad(destination, grams, subtotal, now);
        }
        WeightBand band = bandFor(bands, grams);
        String postalCode = destination.postalCode();
        String zone = zones.entrySet().stream().filter(entry -> entry.getValue().stream().anyMatch(range -> range.contains(postalCode)))
                .map(Map.Entry::getKey).findFirst().orElse(defaultZone);
        long base = subtotal >= freeAbove ? 0 : band.fees().get(zone);
        List<Quote.Surcharge> added = surcharges.stream().filter(range -> range.contains(postalCode))
                .map(range -> new Quote.Surcharge(range.name(), surchargeAmounts.getOrDefault(range.name(), 0L))).toList();
        long surcharge = added.stream().mapToLong(Quote.Surcharge::amount).sum();
        ZonedDateTime local = now.atZone(SEOUL);
        List<Quote> quotes = new ArrayList<>();
        for (ShippingOption option : ShippingOption.values()) {
            OptionRule rule = options.get(option);
            if (rule == null || (!rule.onlyIn().isEmpty() && rule.onlyIn().stream().noneMatch(range -> range.contains(postalCode)))) {
                continue;
            }
            LocalDate dispatch = dispatchDay(local, rule.cutOff());
            if (option == ShippingOption.SAME_DAY && !dispatch.equals(local.toLocalDate())) {
                continue; // past the cut-off, or not a business day: same-day is not offered now
            }
            quotes.add(new Quote(option, base, rule.premium(), added, base + rule.premium() + surcharge, currency,
                    addBusinessDays(dispatch, rule.businessDays()), version));
        }
        return quotes;
    }

    private List<Quote> quoteAbroad(PostalAddress destination, long grams, long subtotal, Instant now) {
        if (abroad == null) {
            throw new BrokenRule("country", "parcels are sent within Korea only");
        }
        WeightBand band = bandFor(abroad.bands(), grams);
        long base = abroad.freeAbove() != null && subtotal >= abroad.freeAbove() ? 0 : band.fees().get(abroad.zoneOf(destination.country()));
        ZonedDateTime local = now.atZone(SEOUL);
        List<Quote> quotes = new ArrayList<>();
        for (ShippingOption option : ShippingOption.values()) {
            OptionRule rule = abroad.options().get(option);
            if (rule != null) {
                quotes.add(new Quote(option, base, rule.premium(), List.of(), base + rule.premium(), currency,
                        addBusinessDays(dispatchDay(local, rule.cutOff()), rule.businessDays()), version));
            }
        }
        return quotes;
    }

    private static WeightBand bandFor(List<WeightBand> bands, long grams) {
        return bands.stream().filter(candidate -> grams <= candidate.maxGrams()).findFirst()
                .orElseThrow(() -> new BrokenRule("weight", "is more than the " + bands.get(bands.size() - 1).maxGrams()
                        + " grams a parcel may weigh"));
    }

    /** Today if it is a business day and before the cut-off, otherwise the next business day. */
    private LocalDate dispatchDay(ZonedDateTime local, LocalTime cutOff) {
        LocalDate day = local.toLocalDate();
        boolean late = cutOff != null && !local.toLocalTime().isBefore(cutOff);
        if (!isBusinessDay(day) || late) {
            day = addBusinessDays(day, 1);
        }
        return day;
    }

    LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    private boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}

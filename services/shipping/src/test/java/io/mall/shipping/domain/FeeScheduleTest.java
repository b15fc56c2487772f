package io.mall.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class FeeScheduleTest {

    private static final PostalRange SEOUL = new PostalRange("Seoul", 1_000, 8_999);
    private static final FeeSchedule SCHEDULE = new FeeSchedule(7, "KRW",
            Map.of("capital", List.of(SEOUL, new PostalRange("Gyeonggi", 10_000, 18_999), new PostalRange("Incheon", 21_000, 23_999)),
                    "jeju", List.of(new PostalRange("Jeju", 63_000, 63_999))),
            "mainland",
            List.of(band(2_000, 3_000, 3_500, 3_500), band(5_000, 4_000, 4_500, 4_500), band(10_000, 5_000, 5_500, 5_500),
                    band(20_000, 7_000, 7_500, 7_500), band(30_000, 9_000, 9_500, 9_500)),
            List.of(new PostalRange("Jeju", 63_000, 63_644), new PostalRange("islands", 23_100, 23_136),
                    new PostalRange("islands", 40_200, 40_240)),
            Map.of("Jeju", 3_000L, "islands", 5_000L),
            50_000,
            Map.of(ShippingOption.STANDARD, new FeeSchedule.OptionRule(0, 2, LocalTime.of(15, 0), List.of()),
                    ShippingOption.EXPRESS, new FeeSchedule.OptionRule(3_000, 1, LocalTime.of(15, 0), List.of()),
                    ShippingOption.SAME_DAY, new FeeSchedule.OptionRule(5_000, 0, LocalTime.of(13, 0), List.of(SEOUL))),
            Set.of(LocalDate.of(2026, 12, 25)),
            new FeeSchedule.Abroad(Map.of("asia", List.of("JP", "CN", "VN"), "west", List.of("US", "DE", "GB")), "rest",
                    List.of(band(500, 15_000, 24_000, 30_000, true), band(2_000, 26_000, 45_000, 58_000, true),
                            band(20_000, 110_000, 230_000, 290_000, true)),
                    Map.of(ShippingOption.STANDARD, new FeeSchedule.OptionRule(0, 7, LocalTime.of(15, 0), List.of()),
                            ShippingOption.EXPRESS, new FeeSchedule.OptionRule(15_000, 3, LocalTime.of(15, 0), List.of())),
                    300_000L));

    /** A Wednesday morning in Seoul. */
    private static final Instant WEDNESDAY_10 = seoul(LocalDateTime.of(2026, 11, 25, 10, 0));

    @Test
    void everyBandTakesParcelsUpToItsLimitAndTheNextOneStartsAGramLater() {
        int[][] expectations = { { 1, 3_000 }, { 2_000, 3_000 }, { 2_001, 4_000 }, { 5_000, 4_000 }, { 5_001, 5_000 },
                { 10_000, 5_000 }, { 10_001, 7_000 }, { 20_000, 7_000 }, { 20_001, 9_000 }, { 30_000, 9_000 } };
        for (int[] expected : expectations) {
            assertThat(standard(korean("06236"), expected[0], 10_000).baseFee()).as(expected[0] + " g").isEqualTo(expected[1]);
        }
        assertThatThrownBy(() -> standard(korean("06236"), 30_001, 10_000)).isInstanceOf(BrokenRule.class)
                .extracting("field").isEqualTo("weight");
        assertThatThrownBy(() -> standard(korean("06236"), 0, 10_000)).isInstanceOf(BrokenRule.class)
                .extracting("field").isEqualTo("weight");
    }

    @Test
    void theZoneComesFromThePostalCodeAndIslandsAddTheirSurcharge() {
        assertThat(standard(korean("06236"), 1_500, 10_000).fee()).as("Seoul").isEqualTo(3_000);
        assertThat(standard(korean("16500"), 1_500, 10_000).fee()).as("Gyeonggi").isEqualTo(3_000);
        assertThat(standard(korean("48058"), 1_500, 10_000).fee()).as("Busan").isEqualTo(3_500);
        Quote jeju = standard(korean("63309"), 1_500, 10_000);
        assertThat(jeju.baseFee()).isEqualTo(3_500);
        assertThat(jeju.surcharges()).containsExactly(new Quote.Surcharge("Jeju", 3_000));
        assertThat(jeju.fee()).isEqualTo(6_500);
        // Jeju's zone reaches further than its surcharge: 63700 is in the zone, not surcharged
        assertThat(standard(korean("63700"), 1_500, 10_000).fee()).isEqualTo(3_500);
        Quote ulleung = standard(korean("40240"), 1_500, 10_000);
        assertThat(ulleung.surcharges()).extracting(Quote.Surcharge::name).containsExactly("islands");
        assertThat(ulleung.fee()).isEqualTo(3_500 + 5_000);
        assertThat(standard(korean("40241"), 1_500, 10_000).surcharges()).isEmpty();
        assertThat(standard(korean("23136"), 1_500, 10_000).fee()).as("an Incheon island").isEqualTo(3_000 + 5_000);
    }

    @Test
    void aboveTheThresholdTheBaseFeeIsWaivedButSurchargesAndPremiumsAreNot() {
        assertThat(standard(korean("48058"), 1_500, 49_999).fee()).isEqualTo(3_500);
        assertThat(standard(korean("48058"), 1_500, 50_000).fee()).isZero();
        assertThat(standard(korean("63309"), 1_500, 50_000).fee()).isEqualTo(3_000);
        Quote express = option(SCHEDULE.quote(korean("48058"), 1_500, 50_000, WEDNESDAY_10), ShippingOption.EXPRESS);
        assertThat(express.fee()).isEqualTo(3_000);
        assertThat(express.premium()).isEqualTo(3_000);
    }

    @Test
    void sameDayIsOfferedOnlyInItsCitiesAndBeforeTheCutOff() {
        List<Quote> seoulMorning = SCHEDULE.quote(korean("06236"), 1_500, 10_000, seoul(LocalDateTime.of(2026, 11, 25, 12, 59)));
        Quote sameDay = option(seoulMorning, ShippingOption.SAME_DAY);
        assertThat(sameDay.promisedBy()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(sameDay.fee()).isEqualTo(3_000 + 5_000);

        assertThat(SCHEDULE.quote(korean("06236"), 1_500, 10_000, seoul(LocalDateTime.of(2026, 11, 25, 13, 0))))
                .extracting(Quote::option).doesNotContain(ShippingOption.SAME_DAY);
        assertThat(SCHEDULE.quote(korean("48058"), 1_500, 10_000, WEDNESDAY_10))
                .extracting(Quote::option).containsExactly(ShippingOption.STANDARD, ShippingOption.EXPRESS);
        assertThat(SCHEDULE.quote(korean("06236"), 1_500, 10_000, seoul(LocalDateTime.of(2026, 11, 28, 10, 0))))
                .as("a Saturday").extracting(Quote::option).doesNotContain(ShippingOption.SAME_DAY);
    }

    @Test
    void promisedDatesCountBusinessDaysFromDispatchSkippingWeekendsAndHolidays() {
        assertThat(option(SCHEDULE.quote(korean("48058"), 1_500, 10_000, WEDNESDAY_10), ShippingOption.STANDARD).promisedBy())
                .isEqualTo(LocalDate.of(2026, 11, 27));
        // Friday after the cut-off: dispatched Monday, express arrives Tuesday
        Instant fridayEvening = seoul(LocalDateTime.of(2026, 11, 27, 16, 0));
        assertThat(option(SCHEDULE.quote(korean("48058"), 1_500, 10_000, fridayEvening), ShippingOption.EXPRESS).promisedBy())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        // Christmas is no delivery day
        Instant christmasEve = seoul(LocalDateTime.of(2026, 12, 24, 10, 0));
        assertThat(option(SCHEDULE.quote(korean("48058"), 1_500, 10_000, christmasEve), ShippingOption.EXPRESS).promisedBy())
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void everyQuoteNamesTheScheduleVersionItWasMadeWith() {
        assertThat(SCHEDULE.quote(korean("06236"), 1_500, 10_000, WEDNESDAY_10)).extracting(Quote::scheduleVersion).containsOnly(7);
    }

    @Test
    void aScheduleWhoseBandsDoNotRiseOrLackAZonesFeeIsRefused() {
        assertThatThrownBy(() -> new FeeSchedule(1, "KRW", Map.of(), "mainland", List.of(band1(5_000), band1(2_000)), List.of(), Map.of(),
                50_000, Map.of(), Set.of(), null)).isInstanceOf(BrokenRule.class).hasMessageContaining("must rise");
        assertThatThrownBy(() -> new FeeSchedule(1, "KRW", Map.of("capital", List.of(SEOUL)), "mainland", List.of(band1(2_000)),
                List.of(), Map.of(), 50_000, Map.of(), Set.of(), null)).isInstanceOf(BrokenRule.class)
                .hasMessageContaining("zone capital");
    }

    @Test
    void aParcelAbroadIsPricedByItsCountrysZoneAndWeightBandWithoutIslandSurchargesOrSameDay() {
        List<Quote> toTokyo = SCHEDULE.quote(abroad("JP"), 500, 10_000, WEDNESDAY_10);
        assertThat(toTokyo).extracting(Quote::option).containsExactly(ShippingOption.STANDARD, ShippingOption.EXPRESS);
        assertThat(option(toTokyo, ShippingOption.STANDARD).fee()).isEqualTo(15_000);
        assertThat(option(toTokyo, ShippingOption.EXPRESS).fee()).isEqualTo(30_000);
        assertThat(option(toTokyo, ShippingOption.STANDARD).surcharges()).isEmpty();
        // a gram over the first band's limit is the next band; a country in no zone is in the default one
        assertThat(option(SCHEDULE.quote(abroad("US"), 501, 10_000, WEDNESDAY_10), ShippingOption.STANDARD).fee()).isEqualTo(45_000);
        assertThat(option(SCHEDULE.quote(abroad("BR"), 20_000, 10_000, WEDNESDAY_10), ShippingOption.STANDARD).fee()).isEqualTo(290_000);
        assertThatThrownBy(() -> SCHEDULE.quote(abroad("BR"), 20_001, 10_000, WEDNESDAY_10)).isInstanceOf(BrokenRule.class)
                .hasMessageContaining("20000 grams");
    }

    @Test
    void abroadTheBaseFeeIsWaivedOnlyAboveItsOwnThresholdAndTheDatesCountBusinessDays() {
        Quote expensive = option(SCHEDULE.quote(abroad("DE"), 1_000, 300_000, WEDNESDAY_10), ShippingOption.EXPRESS);
        assertThat(expensive.baseFee()).isZero();
        assertThat(expensive.fee()).isEqualTo(15_000);
        // above the domestic threshold but below the one abroad: paid
        assertThat(option(SCHEDULE.quote(abroad("DE"), 1_000, 60_000, WEDNESDAY_10), ShippingOption.STANDARD).fee()).isEqualTo(45_000);
        // Wednesday before the cut-off: three business days, Monday
        assertThat(expensive.promisedBy()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void withoutRulesAbroadOnlyKoreanAddressesAreQuotedAndSameDayAbroadIsNoRule() {
        FeeSchedule domesticOnly = SCHEDULE.withVersion(8);
        FeeSchedule noAbroad = new FeeSchedule(8, "KRW", domesticOnly.zones(), "mainland", domesticOnly.bands(), List.of(), Map.of(), 50_000,
                domesticOnly.options(), Set.of(), null);
        assertThatThrownBy(() -> noAbroad.quote(abroad("JP"), 500, 0, WEDNESDAY_10)).isInstanceOf(BrokenRule.class)
                .extracting(failure -> ((BrokenRule) failure).field()).isEqualTo("country");
        assertThatThrownBy(() -> new FeeSchedule.Abroad(Map.of(), "mainland", List.of(band1(500)),
                Map.of(ShippingOption.SAME_DAY, new FeeSchedule.OptionRule(0, 0, null, List.of())), null))
                .isInstanceOf(BrokenRule.class).hasMessageContaining("same day");
    }

    private static PostalAddress abroad(String country) {
        return PostalAddress.of(country, "10115", null, "City", "Street 1", null);
    }

    private static Quote standard(PostalAddress to, long grams, long subtotal) {
        return option(SCHEDULE.quote(to, grams, subtotal, WEDNESDAY_10), ShippingOption.STANDARD);
    }

    private static Quote option(List<Quote> quotes, ShippingOption option) {
        return quotes.stream().filter(quote -> quote.option() == option).findFirst()
                .orElseThrow(() -> new AssertionError(option + " is not offered: " + quotes));
    }

    private static PostalAddress korean(String postalCode) {
        return PostalAddress.of("KR", postalCode, null, null, "도로명 1", null);
    }

    private static FeeSchedule.WeightBand band(int maxGrams, long asia, long west, long rest, boolean abroad) {
        return new FeeSchedule.WeightBand(maxGrams, Map.of("asia", asia, "west", west, "rest", rest));
    }

    private static FeeSchedule.WeightBand band(int maxGrams, long capital, long mainland, long jeju) {
        return new FeeSchedule.WeightBand(maxGrams, Map.of("capital", capital, "mainland", mainland, "jeju", jeju));
    }

    private static FeeSchedule.WeightBand band1(int maxGrams) {
        return new FeeSchedule.WeightBand(maxGrams, Map.of("mainland", 3_000L));
    }

    private static Instant seoul(LocalDateTime local) {
        return local.atZone(FeeSchedule.SEOUL).toInstant();
    }
}

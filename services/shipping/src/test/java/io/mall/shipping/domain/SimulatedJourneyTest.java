package io.mall.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class SimulatedJourneyTest {

    private static final PostalAddress BUSAN = PostalAddress.of("KR", "48058", null, "부산", "센텀중앙로 79", null);

    @Test
    void everyJourneyEndsDeliveredThroughStatusesThatMayFollowEachOtherAtRisingTimes() {
        for (long seed = 0; seed < 200; seed++) {
            for (ShippingOption option : ShippingOption.values()) {
                List<SimulatedJourney.Step> steps = SimulatedJourney.plan(BUSAN, option, seed, 0.2, 1);
                Shipment shipment = Shipment.labelled(UUID.randomUUID(), UUID.randomUUID(), option, BUSAN, 500, "simulated", "SIM1",
                        LocalDate.of(2026, 11, 30), Instant.EPOCH);
                Duration before = Duration.ZERO;
                for (SimulatedJourney.Step step : steps) {
                    assertThat(step.after()).as(seed + " " + option).isGreaterThan(before);
                    // each step, reported on its own, follows the one before
                    assertThat(shipment.record(List.of(new CarrierReport(step.status(), step.place(), step.detail(),
                            Instant.EPOCH.plus(step.after()))), Instant.EPOCH)).as(seed + " " + option + " " + step).hasSize(1);
                    before = step.after();
                }
                assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED);
            }
        }
    }

    @Test
    void aStandardParcelTakesAboutADayOrTwoAndSameDayAFewHours() {
        Duration standard = last(SimulatedJourney.plan(BUSAN, ShippingOption.STANDARD, 7, 0, 1));
        Duration sameDay = last(SimulatedJourney.plan(PostalAddress.of("KR", "06236", null, null, "테헤란로 152", null),
                ShippingOption.SAME_DAY, 7, 0, 1));

        assertThat(standard).isBetween(Duration.ofHours(18), Duration.ofHours(60));
        assertThat(sameDay).isLessThan(Duration.ofHours(10));
    }

    @Test
    void someFirstAttemptsFailAndAreDeliveredOnTheNextTry() {
        long withFailure = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            List<SimulatedJourney.Step> steps = SimulatedJourney.plan(BUSAN, ShippingOption.EXPRESS, seed, 0.1, 1);
            if (steps.stream().anyMatch(step -> step.status() == ShipmentStatus.DELIVERY_FAILED)) {
                withFailure++;
            }
        }
        assertThat(withFailure).isBetween(60L, 140L);
        assertThat(SimulatedJourney.plan(BUSAN, ShippingOption.EXPRESS, 3, 0, 1))
                .noneMatch(step -> step.status() == ShipmentStatus.DELIVERY_FAILED);
    }

    @Test
    void theSameSeedGivesTheSameJourneyAndSpeedShrinksItsTimes() {
        List<SimulatedJourney.Step> once = SimulatedJourney.plan(BUSAN, ShippingOption.STANDARD, 42, 0.1, 1);

        assertThat(SimulatedJourney.plan(BUSAN, ShippingOption.STANDARD, 42, 0.1, 1)).isEqualTo(once);
        List<SimulatedJourney.Step> fast = SimulatedJourney.plan(BUSAN, ShippingOption.STANDARD, 42, 0.1, 600);
        assertThat(last(fast).toMillis()).isCloseTo(last(once).toMillis() / 600, org.assertj.core.data.Offset.offset(1L));
        assertThat(fast).extracting(SimulatedJourney.Step::place).isEqualTo(once.stream().map(SimulatedJourney.Step::place).toList());
    }

    @Test
    void atAnySpeedEveryStepComesAfterTheOneBeforeSoNoReportIsMistakenForAnother() {
        List<SimulatedJourney.Step> steps = SimulatedJourney.plan(BUSAN, ShippingOption.STANDARD, 5, 1, 1e9);

        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).after()).isGreaterThan(steps.get(i - 1).after());
        }
    }

    @Test
    void onlyKoreanAddressesAreDeliveredByTheSimulatedCarrier() {
        assertThatThrownBy(() -> SimulatedJourney.plan(PostalAddress.of("US", "94103", "CA", "San Francisco", "1 Market St", null),
                ShippingOption.STANDARD, 1, 0, 1)).isInstanceOf(BrokenRule.class);
    }

    private static Duration last(List<SimulatedJourney.Step> steps) {
        return steps.get(steps.size() - 1).after();
    }
}

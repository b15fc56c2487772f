package io.mall.shipping.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The journey the simulated carrier gives a parcel, as a Korean parcel moves: picked up at the
 * shop's warehouse, through the hub of the shop's region and the hub of the destination's, to the
 * destination's delivery terminal, out for delivery, delivered; now and then nobody is home and it
 * is delivered the next day. Times are real-world offsets divided by {@code speed}, so a local run
 * shows parcels moving in minutes; the same seed gives the same journey.
 */
public final class SimulatedJourney {

    /** One report the carrier will make, {@code after} the label was created. */
    public record Step(ShipmentStatus status, String place, String detail, Duration after) {
    }

    private static final String WAREHOUSE = "곤지암 물류센터";

    private SimulatedJourney() {
    }

    /**
     * @param failedAttemptRate how often (0..1) the first delivery attempt fails
     * @param speed             how many times faster than real time (1: real time)
     */
    public static List<Step> plan(PostalAddress destination, ShippingOption option, long seed, double failedAttemptRate, double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        if (!destination.isKorean()) {
            throw new io.mall.domain.BrokenRule("country", "the simulated carrier delivers in Korea only");
        }
        Random random = new Random(seed);
        String terminal = terminalFor(destination);
        List<Step> steps = new ArrayList<>();
        Duration at = Duration.ZERO;
        boolean sameDay = option == ShippingOption.SAME_DAY;
        at = at.plusMinutes(sameDay ? 30 : 120 + random.nextInt(240));
        steps.add(new Step(ShipmentStatus.PICKED_UP, WAREHOUSE, "the courier collected the parcel", at));
        if (!sameDay) {
            at = at.plusMinutes(180 + random.nextInt(120));
            steps.add(new Step(ShipmentStatus.IN_TRANSIT, "곤지암 메가허브", "sorted at the hub", at));
            at = at.plusMinutes(240 + random.nextInt(360));
            steps.add(new Step(ShipmentStatus.IN_TRANSIT, hubFor(destination), "arrived at the regional hub", at));
            if (option == ShippingOption.STANDARD) {
                at = at.plusMinutes(600 + random.nextInt(600)); // a night at the hub
            }
        }
        at = at.plusMinutes(60 + random.nextInt(120));
        steps.add(new Step(ShipmentStatus.IN_TRANSIT, terminal, "arrived at the delivery terminal", at));
        at = at.plusMinutes(sameDay ? 30 : 60 + random.nextInt(120));
        steps.add(new Step(ShipmentStatus.OUT_FOR_DELIVERY, terminal, "out for delivery", at));
        if (random.nextDouble() < failedAttemptRate) {
            at = at.plusMinutes(120 + random.nextInt(240));
            steps.add(new Step(ShipmentStatus.DELIVERY_FAILED, destination.city() != null ? destination.city() : terminal,
                    "nobody was home; the courier tries again", at));
            at = at.plusHours(14 + random.nextInt(4));
            steps.add(new Step(ShipmentStatus.OUT_FOR_DELIVERY, terminal, "out for delivery again", at));
        }
        at = at.plusMinutes(60 + random.nextInt(240));
        steps.add(new Step(ShipmentStatus.DELIVERED, destination.line1(), "delivered", at));
        // scaled, every step still at least a millisecond after the one before: reports are told apart by their time
        List<Step> scaled = new ArrayList<>();
        long previous = 0;
        for (Step step : steps) {
            long millis = Math.max(previous + 1, Math.round(step.after().toMillis() / speed));
            scaled.add(new Step(step.status(), step.place(), step.detail(), Duration.ofMillis(millis)));
            previous = millis;
        }
        return List.copyOf(scaled);
    }

    /** The regional hub by the first two digits of the postal code (Korea's postal areas). */
    private static String hubFor(PostalAddress destination) {
        int area = Integer.parseInt(destination.postalCode().substring(0, 2));
        if (area <= 8 || (area >= 10 && area <= 23)) {
            return "수도권 허브";
        }
        if (area <= 35) {
            return "대전 허브";
        }
        if (area <= 53) {
            return "대구 허브";
        }
        if (area <= 62) {
            return "광주 허브";
        }
        return "제주 허브";
    }

    private static String terminalFor(PostalAddress destination) {
        return "배송 터미널 " + destination.postalCode().substring(0, 3) + "xx";
    }
}

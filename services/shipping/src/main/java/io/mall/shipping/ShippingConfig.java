package io.mall.shipping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code mall.shipping.*}. */
@ConfigMapping(prefix = "mall.shipping")
public interface ShippingConfig {

    PersonalData personalData();

    /** How many addresses one shopper may keep. */
    int addressesPerShopper();

    /** How often the outbox relay looks for what a failure left unpublished. */
    Duration outboxPollInterval();

    Carriers carriers();

    Tracking tracking();

    SimulatedCarrier simulatedCarrier();

    interface PersonalData {
        String activeKey();

        Map<String, String> keys();
    }

    interface Carriers {
        /** The carrier of parcels within Korea. */
        String domestic();

        /** The carrier of parcels abroad; none: only Korean addresses are shipped to. */
        Optional<String> international();
    }

    interface Tracking {
        /** How often the poller looks for shipments whose carrier is due to be asked. */
        Duration pollTick();

        /** How often carriers that cannot say when they will know more are asked again. */
        Duration pollInterval();

        /** How long a replica may take to ask a carrier before another replica asks instead. */
        Duration pollLease();

        /** How many shipments one poll asks about. */
        int pollBatch();

        /** How often the live stream sends a comment to keep idle connections open. */
        Duration keepAlive();
    }

    interface SimulatedCarrier {
        /** How many times faster than real time its parcels move (1: real time). */
        double speed();

        /** How often (0..1) its first delivery attempt fails. */
        double failedAttemptRate();
    }
}

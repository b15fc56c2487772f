package io.mall.shipping.client.simulated;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.shipping.ShippingConfig;
import io.mall.shipping.client.Booking;
import io.mall.shipping.client.Carrier;
import io.mall.shipping.client.Parcel;
import io.mall.shipping.client.Tracking;
import io.mall.shipping.domain.CarrierReport;
import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.ShippingOption;
import io.mall.shipping.domain.SimulatedJourney;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A carrier that runs inside this service, for local runs and demos: it labels a parcel, plans
 * its journey ({@link SimulatedJourney}, at {@code mall.shipping.simulated-carrier.speed}) and
 * answers tracking requests with the steps whose time has come, as a real carrier's tracking API
 * answers with the scans made so far. Its parcels are its own table; the journey is recomputed
 * from the parcel's seed, so nothing but the booking is stored.
 */
@ApplicationScoped
public class SimulatedCarrier implements Carrier {

    public static final String NAME = "simulated";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool database;
    private final ShippingConfig.SimulatedCarrier settings;
    private final Clock clock;

    SimulatedCarrier(Pool database, ShippingConfig config, Clock clock) {
        this.database = database;
        this.settings = config.simulatedCarrier();
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean delivers(PostalAddress destination) {
        return destination.isKorean();
    }

    @Override
    public Uni<Booking> book(Parcel parcel) {
        // twelve random digits after the prefix: a clash is as good as impossible, and refused by the key if it happens
        String trackingNumber = "SIM" + String.format("%012d", RANDOM.nextLong(1_000_000_000_000L));
        PostalAddress to = parcel.destination();
        return database.preparedQuery("""
                INSERT INTO simulated_parcels (tracking_number, reference, booked_at, seed, option, postal_code, city, line1, speed,
                                               failed_attempt_rate)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(new Object[] { trackingNumber, parcel.orderId().toString(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        RANDOM.nextLong(), parcel.option().name(), to.postalCode(), to.city(), to.line1(), settings.speed(),
                        settings.failedAttemptRate() }))
                .replaceWith(new Booking(trackingNumber));
    }

    @Override
    public Uni<Void> cancel(String trackingNumber) {
        return database.preparedQuery("UPDATE simulated_parcels SET cancelled_at = $2 WHERE tracking_number = $1 AND cancelled_at IS NULL")
                .execute(Tuple.of(trackingNumber, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Tracking> track(String trackingNumber) {
        return database.preparedQuery("SELECT * FROM simulated_parcels WHERE tracking_number = $1").execute(Tuple.of(trackingNumber))
                .map(rows -> rows.iterator().hasNext() ? tracking(rows.iterator().next()) : new Tracking(List.of(), null));
    }

    private Tracking tracking(Row parcel) {
        Instant booked = parcel.getOffsetDateTime("booked_at").toInstant();
        OffsetDateTime cancelled = parcel.getOffsetDateTime("cancelled_at");
        Instant now = clock.instant();
        Instant until = cancelled == null ? now : cancelled.toInstant();
        PostalAddress destination = new PostalAddress("KR", parcel.getString("postal_code"), null, parcel.getString("city"),
                parcel.getString("line1"), null);
        List<SimulatedJourney.Step> journey = SimulatedJourney.plan(destination, ShippingOption.valueOf(parcel.getString("option")),
                parcel.getLong("seed"), parcel.getDouble("failed_attempt_rate"), parcel.getDouble("speed"));
        List<CarrierReport> reports = new ArrayList<>();
        Instant nextDue = null;
        for (SimulatedJourney.Step step : journey) {
            Instant at = booked.plus(step.after());
            if (at.isAfter(until)) {
                // a cancelled label is never picked up
                nextDue = cancelled == null ? at : null;
                break;
            }
            reports.add(new CarrierReport(step.status(), step.place(), step.detail(), at));
        }
        return new Tracking(reports, nextDue);
    }
}

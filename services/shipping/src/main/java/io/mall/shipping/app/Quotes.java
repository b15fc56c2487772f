package io.mall.shipping.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.shipping.client.Weights;
import io.mall.shipping.domain.FeeSchedule;
import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Quote;
import io.mall.shipping.store.FeeSchedules;
import io.smallrye.mutiny.Uni;

/**
 * What shipping costs: the parcel's weight from the product service, priced by the fee schedule
 * in force. Nothing is written: a quote is an answer, and it names the schedule version it used.
 */
@ApplicationScoped
public class Quotes {

    /** A line of the order to ship. */
    public record Line(String sku, int quantity) {
    }

    /** The options for one parcel, with its weight and the version of the rules that priced it. */
    public record Offer(long weightGrams, int scheduleVersion, List<Quote> options) {
    }

    private final Weights weights;
    private final FeeSchedules schedules;
    private final Clock clock;

    Quotes(Weights weights, FeeSchedules schedules, Clock clock) {
        this.weights = weights;
        this.schedules = schedules;
        this.clock = clock;
    }

    public Uni<Offer> quote(PostalAddress destination, List<Line> lines, long subtotal, String currency) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (Line line : lines) {
            quantities.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return schedules.current().chain(schedule -> {
            if (!schedule.currency().equals(currency)) {
                throw new BrokenRule("currency", "fees are in " + schedule.currency());
            }
            return weights.of(new ArrayList<>(quantities.keySet())).map(known -> {
                long grams = 0;
                for (Map.Entry<String, Integer> line : quantities.entrySet()) {
                    Weights.Sku sku = known.get(line.getKey());
                    if (sku == null || sku.archived()) {
                        throw new BrokenRule("lines[" + indexOf(lines, line.getKey()) + "].sku", "is not sold: " + line.getKey());
                    }
                    grams += (long) sku.weightGrams() * line.getValue();
                }
                return offer(schedule, destination, grams, subtotal);
            });
        });
    }

    private Offer offer(FeeSchedule schedule, PostalAddress destination, long grams, long subtotal) {
        return new Offer(grams, schedule.version(), schedule.quote(destination, grams, subtotal, clock.instant()));
    }

    private static int indexOf(List<Line> lines, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return 0;
    }
}

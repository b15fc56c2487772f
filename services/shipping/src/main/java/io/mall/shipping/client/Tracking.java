package io.mall.shipping.client;

import java.time.Instant;
import java.util.List;

import io.mall.shipping.domain.CarrierReport;

/**
 * What a carrier reports of one parcel.
 *
 * @param nextUpdateDue when the carrier will have something new, if it knows (the simulated carrier
 *                      does); otherwise it is asked again at the polling interval
 */
public record Tracking(List<CarrierReport> reports, Instant nextUpdateDue) {

    /** The reports a webhook call brings for one tracking number. */
    public record Update(String trackingNumber, List<CarrierReport> reports) {
    }
}

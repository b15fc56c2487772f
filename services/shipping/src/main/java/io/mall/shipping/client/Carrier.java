package io.mall.shipping.client;

import java.util.List;
import java.util.Map;

import io.mall.shipping.domain.PostalAddress;
import io.smallrye.mutiny.Uni;

/**
 * A parcel carrier: it labels parcels (a tracking number), cancels a label not yet used, and
 * reports scans, when asked (polling) and by calling us (webhooks). A refusal that will not
 * change (the carrier does not serve the destination) is a {@link CarrierRefusal}; any other
 * failure is worth trying again.
 */
public interface Carrier {

    /** How shipments, configuration and webhook paths name this carrier. */
    String name();

    /** Whether this carrier is set up to take parcels to {@code destination}. */
    boolean delivers(PostalAddress destination);

    Uni<Booking> book(Parcel parcel);

    /** Voids the label of a parcel not yet picked up; voiding it again is harmless. */
    Uni<Void> cancel(String trackingNumber);

    /** Every scan of the parcel so far (a tracking number the carrier does not know yet has none). */
    Uni<Tracking> track(String trackingNumber);

    /**
     * The updates a webhook call carries, once the call is proven to come from the carrier.
     *
     * @throws WebhookRefused when it is not (no or a wrong signature or secret)
     */
    default List<Tracking.Update> webhook(Map<String, String> headers, byte[] body) {
        throw new WebhookRefused(name() + " sends no webhooks");
    }
}

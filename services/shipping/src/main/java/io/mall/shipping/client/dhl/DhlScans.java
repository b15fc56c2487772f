package io.mall.shipping.client.dhl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.mall.shipping.client.Tracking;
import io.mall.shipping.domain.CarrierReport;
import io.mall.shipping.domain.ShipmentStatus;

/**
 * Reads DHL's Unified tracking shipments (the tracking API's answer and the push API's calls have
 * the same shape) into our statuses. DHL's {@code statusCode} is coarse ({@code pre-transit},
 * {@code transit}, {@code delivered}, {@code failure}, {@code unknown}); within {@code transit}
 * its words tell a pickup and a van out for delivery from the rest.
 */
final class DhlScans {

    private DhlScans() {
    }

    /** Every shipment in a {@code shipments} array, with its scans. */
    static List<Tracking.Update> updates(JsonNode body) {
        List<Tracking.Update> updates = new ArrayList<>();
        for (JsonNode shipment : body.path("shipments")) {
            String id = shipment.path("id").asText(null);
            if (id != null && !id.isBlank()) {
                updates.add(new Tracking.Update(id, reports(shipment)));
            }
        }
        return updates;
    }

    static List<CarrierReport> reports(JsonNode shipment) {
        List<CarrierReport> reports = new ArrayList<>();
        JsonNode events = shipment.path("events");
        // a shipment without its event list still has its latest status
        for (JsonNode event : events.isArray() && !events.isEmpty() ? events : List.of(shipment.path("status"))) {
            ShipmentStatus status = status(event);
            Instant at = time(event.path("timestamp").asText(null));
            if (status != null && at != null) {
                JsonNode address = event.path("location").path("address");
                String place = address.hasNonNull("addressLocality")
                        ? address.path("addressLocality").asText() + (address.hasNonNull("countryCode") ? ", " + address.path("countryCode").asText() : "")
                        : null;
                reports.add(new CarrierReport(status, place, event.path("description").asText(null), at));
            }
        }
        return reports;
    }

    private static ShipmentStatus status(JsonNode event) {
        String words = (event.path("status").asText("") + " " + event.path("description").asText("")).toLowerCase(Locale.ROOT);
        return switch (event.path("statusCode").asText("")) {
            case "pre-transit" -> ShipmentStatus.LABEL_CREATED;
            case "transit" -> {
                if (words.contains("for delivery") || words.contains("with delivery courier")) {
                    yield ShipmentStatus.OUT_FOR_DELIVERY;
                }
                yield words.contains("picked up") ? ShipmentStatus.PICKED_UP : ShipmentStatus.IN_TRANSIT;
            }
            case "delivered" -> ShipmentStatus.DELIVERED;
            case "failure" -> ShipmentStatus.DELIVERY_FAILED;
            default -> null; // unknown: nothing to tell the shopper
        };
    }

    /** DHL's timestamps come with a zone or, from some divisions, without one (then UTC). */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}

package io.mall.shipping.client.fedex;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.mall.shipping.client.Tracking;
import io.mall.shipping.domain.CarrierReport;
import io.mall.shipping.domain.ShipmentStatus;

/**
 * Reads FedEx track results (the Track API's answer, and the webhooks', which carry the same
 * results) into our statuses, by each scan's {@code eventType}: FedEx's derived codes fold "out
 * for delivery" into "in transit", its event types do not.
 */
final class FedexScans {

    private FedexScans() {
    }

    /** The track results of a Track API answer or a webhook call, however they are wrapped. */
    static List<Tracking.Update> updates(JsonNode body) {
        List<JsonNode> results = new ArrayList<>();
        body.path("trackResults").forEach(results::add);
        body.path("output").path("completeTrackResults").forEach(complete -> complete.path("trackResults").forEach(results::add));
        List<Tracking.Update> updates = new ArrayList<>();
        for (JsonNode result : results) {
            String number = result.path("trackingNumberInfo").path("trackingNumber").asText(null);
            // a number FedEx does not know comes back as a result with an error and no scans
            if (number != null && !number.isBlank() && !result.hasNonNull("error")) {
                updates.add(new Tracking.Update(number, reports(result)));
            }
        }
        return updates;
    }

    private static List<CarrierReport> reports(JsonNode result) {
        List<CarrierReport> reports = new ArrayList<>();
        for (JsonNode scan : result.path("scanEvents")) {
            ShipmentStatus status = status(scan.path("eventType").asText(""));
            Instant at = time(scan.path("date").asText(null));
            if (status != null && at != null) {
                JsonNode location = scan.path("scanLocation");
                String place = location.hasNonNull("city") && !location.path("city").asText().isBlank()
                        ? location.path("city").asText() + (location.hasNonNull("countryCode") ? ", " + location.path("countryCode").asText() : "")
                        : null;
                String detail = scan.path("eventDescription").asText(null);
                String exception = scan.path("exceptionDescription").asText("");
                reports.add(new CarrierReport(status, place, exception.isBlank() ? detail : detail + ": " + exception, at));
            }
        }
        return reports;
    }

    /** FedEx's tracking status codes; delays, holds and customs notes are not moves of the parcel. */
    private static ShipmentStatus status(String eventType) {
        return switch (eventType) {
            case "OC" -> ShipmentStatus.LABEL_CREATED;
            case "PU", "PX" -> ShipmentStatus.PICKED_UP;
            case "AR", "DP", "IT", "IX", "AF", "FD", "OF", "SF", "LO", "AA", "EA", "EO", "PL", "PF", "TR", "AE", "AO", "AX", "AC" ->
                ShipmentStatus.IN_TRANSIT;
            case "OD", "ED", "AD" -> ShipmentStatus.OUT_FOR_DELIVERY;
            case "DL" -> ShipmentStatus.DELIVERED;
            case "DE" -> ShipmentStatus.DELIVERY_FAILED;
            default -> null;
        };
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

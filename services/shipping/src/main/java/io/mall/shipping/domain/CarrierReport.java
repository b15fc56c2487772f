package io.mall.shipping.domain;

import java.time.Instant;

/**
 * One scan as a carrier reports it, in our statuses: what happened to the parcel, where and when.
 * Carriers answer a tracking request with every scan so far, so the same report arrives many times.
 */
public record CarrierReport(ShipmentStatus status, String place, String detail, Instant at) {

    public CarrierReport {
        if (status == null || at == null) {
            throw new IllegalArgumentException("a carrier report needs a status and a time");
        }
        place = clip(place, 200);
        detail = clip(detail, 500);
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}

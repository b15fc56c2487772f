package io.mall.notification.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/** Conversions between the domain's values and PostgreSQL's column types, in one place. */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static JsonObject json(Map<String, String> facts) {
        return new JsonObject(new HashMap<>(facts));
    }

    static Map<String, String> facts(JsonObject json) {
        Map<String, String> facts = new HashMap<>();
        if (json != null) {
            json.forEach(entry -> facts.put(entry.getKey(), entry.getValue() == null ? null : String.valueOf(entry.getValue())));
        }
        return facts;
    }

    /** Cuts text to fit a column, so a provider's long answer never fails the write that records it. */
    static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}

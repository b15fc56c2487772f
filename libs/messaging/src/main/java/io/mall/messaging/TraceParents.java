package io.mall.messaging;

import java.util.Optional;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** W3C {@code traceparent} values (version 00) to and from OpenTelemetry span contexts. */
final class TraceParents {

    private static final Pattern VERSION_00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceParents() {
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The remote span a {@code traceparent} names; empty for null, malformed or all-zero values. */
    static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var match = VERSION_00.matcher(traceparent);
        if (!match.matches()) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(match.group(1), match.group(2),
                TraceFlags.fromHex(match.group(3), 0), TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }
}

package org.amtsweg.messaging.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The trace of a journey: its trace id is the journey's correlation id (an application id is a UUID, i.e. exactly the
 * 32 hex digits of a W3C trace id), so that every event of one application — from the submission to the decision, in
 * every service — lands in one trace, although they are published long after and far away from the request that
 * caused them. OpenTelemetry does the rest: the Kafka connector starts its producer span in {@link #ofEvent}'s
 * context and writes the {@code traceparent} header, and the consumer's span continues from that header.
 */
public final class JourneyTrace {

    private JourneyTrace() {}

    /**
     * The context an event of this journey is published in: the journey's trace, and as parent the event itself (its
     * span id taken from the event id), so that each publication of the same event — a sweep may send one again
     * after a crash — hangs under the same parent.
     */
    public static Context ofEvent(String correlationId, String eventId) {
        SpanContext event = SpanContext.createFromRemoteParent(
                traceId(correlationId), spanId(eventId), TraceFlags.getSampled(), TraceState.getDefault());
        return Context.root().with(Span.wrap(event));
    }

    /** The journey's trace id: the id's own hex digits where it is a UUID, else a digest of it (a valid id either way). */
    public static String traceId(String id) {
        String hex = id.replace("-", "").toLowerCase(Locale.ROOT);
        return TraceId.isValid(hex) ? hex : digest(id, TraceId.getLength());
    }

    /** The event's span id: the first 16 hex digits of its UUID, else of a digest of it. */
    static String spanId(String eventId) {
        String hex = traceId(eventId).substring(0, SpanId.getLength());
        return SpanId.isValid(hex) ? hex : digest(eventId, SpanId.getLength());
    }

    private static String digest(String id, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, hexDigits / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

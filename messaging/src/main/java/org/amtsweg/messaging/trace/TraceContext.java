package org.amtsweg.messaging.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context for events: the trace id is the journey's correlation id (an application id is a
 * UUID, i.e. exactly 32 hex digits), the span id comes from the event id. So one trace spans every
 * event of a journey, from the first draft to the decision, in every service and tracing backend.
 */
public final class TraceContext {

    // Compiled once: every published event asks twice.
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    /** W3C trace context forbids an all-zero trace id. */
    private static final Pattern ALL_ZERO = Pattern.compile("0+");

    private TraceContext() {
    }

    /** The {@code traceparent} value (version 00, sampled) for an event of this journey. */
    public static String traceparent(String correlationId, String eventId) {
        return "00-" + hex32(correlationId) + "-" + hex32(eventId).substring(0, 16) + "-01";
    }

    private static String hex32(String id) {
        String hex = id.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (HEX32.matcher(hex).matches() && !ALL_ZERO.matcher(hex).matches()) {
            return hex;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

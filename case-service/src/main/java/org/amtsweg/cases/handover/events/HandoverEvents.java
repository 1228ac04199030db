package org.amtsweg.cases.handover.events;

/**
 * The event types of a case's handover log, as SET event URIs (RFC 8417 §2.2): the platform's own
 * ({@link #DELIVERED}, {@link #DELIVERY_FAILED}) and the procedure's answers ({@link #ACCEPTED}, {@link #REJECTED}).
 */
public final class HandoverEvents {

    public static final String BASE = "https://amtsweg.org/secevent/handover/";
    public static final String DELIVERED = BASE + "delivered";
    public static final String DELIVERY_FAILED = BASE + "delivery-failed";
    public static final String ACCEPTED = BASE + "accepted";
    public static final String REJECTED = BASE + "rejected";
    /** The JOSE {@code typ} of a SET (RFC 8417 §2.3). */
    public static final String TYP = "secevent+jwt";

    private HandoverEvents() {}

    /** The short name kept in the log: {@code delivered}, {@code accepted}, … */
    public static String shortName(String uri) {
        return uri.substring(BASE.length());
    }
}

package org.amtsweg.events;

/**
 * Names of the CloudEvents attributes Amtsweg sets beyond the required ones.
 *
 * <p>{@link #CORRELATION_ID} carries the application id through every event of a journey, from the
 * draft to the decision, so that logs and traces of all services can be joined on it.
 */
public final class CloudEventAttributes {

    /** CloudEvents extension attribute (lower-case letters only, as the spec demands). */
    public static final String CORRELATION_ID = "correlationid";

    private CloudEventAttributes() {}
}

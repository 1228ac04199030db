package org.amtsweg.events;

import java.time.Instant;

/**
 * A citizen started a draft (Antragsentwurf) of a service at the authority responsible for her: the
 * first step of the funnel, and a figure of the usage report that shares the platform's costs.
 */
public record DraftStarted(String applicationId, String serviceKey, String authorityId, Instant startedAt) {

    public static final String TYPE = "DraftStarted";
}

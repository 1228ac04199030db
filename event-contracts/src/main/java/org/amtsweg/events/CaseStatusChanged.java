package org.amtsweg.events;

import java.time.Instant;

/** A case moved from one status of its lifecycle to another. */
public record CaseStatusChanged(
        String caseId,
        String applicationId,
        String authorityId,
        String previousStatus,
        String status,
        Instant changedAt) {

    public static final String TYPE = "CaseStatusChanged";
}

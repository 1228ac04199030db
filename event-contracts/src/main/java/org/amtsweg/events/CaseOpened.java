package org.amtsweg.events;

import java.time.Instant;

/** The responsible authority opened a case (Vorgang) for a submitted application. */
public record CaseOpened(
        String caseId,
        String applicationId,
        String referenceNumber,
        String authorityId,
        String serviceKey,
        String status,
        Instant openedAt) {

    public static final String TYPE = "CaseOpened";
}

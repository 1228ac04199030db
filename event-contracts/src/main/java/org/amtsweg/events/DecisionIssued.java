package org.amtsweg.events;

import java.time.Instant;

/**
 * The authority decided an application and issued its notice (Bescheid).
 *
 * @param outcome {@code APPROVED}, {@code REJECTED} or {@code PARTIALLY_APPROVED}
 */
public record DecisionIssued(
        String caseId,
        String applicationId,
        String authorityId,
        String decisionId,
        String outcome,
        String reasoning,
        String noticeText,
        Instant issuedAt) {

    public static final String TYPE = "DecisionIssued";
}

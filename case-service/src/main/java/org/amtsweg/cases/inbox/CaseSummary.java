package org.amtsweg.cases.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the clerk's inbox. */
public record CaseSummary(
        UUID id,
        UUID applicationId,
        String referenceNumber,
        String serviceKey,
        String serviceName,
        String status,
        String assignee,
        String applicantName,
        String registryResult,
        OffsetDateTime openedAt) {}

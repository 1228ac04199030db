package org.amtsweg.cases.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The whole case in one answer: structured data, register results, attachments' metadata, history. */
public record CaseDetails(
        UUID id,
        UUID applicationId,
        String referenceNumber,
        String authorityId,
        String serviceKey,
        String serviceName,
        int formVersion,
        String status,
        int revision,
        String assignee,
        JsonNode applicant,
        JsonNode data,
        JsonNode attachments,
        OffsetDateTime submittedAt,
        OffsetDateTime openedAt,
        List<RegistryResult> registryChecks,
        List<HistoryEntry> history) {

    /** A register check as recorded for audit. */
    /** A register check as recorded for audit, with what was asked ({@code request}) and what came back ({@code response}). */
    public record RegistryResult(
            UUID id,
            String register,
            String legalBasis,
            String purpose,
            String state,
            String result,
            List<String> differingFields,
            int attempts,
            OffsetDateTime requestedAt,
            OffsetDateTime completedAt,
            JsonNode request,
            JsonNode response) {}

    public record HistoryEntry(
            OffsetDateTime at, String actor, String action, String fromStatus, String toStatus, String detail) {}
}

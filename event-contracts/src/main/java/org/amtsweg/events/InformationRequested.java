package org.amtsweg.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A clerk asks the applicant for missing information (Nachforderung).
 *
 * @param fields    JSON pointers of the form fields the citizen may change to answer
 * @param documents kinds of documents the citizen is asked to upload
 */
public record InformationRequested(
        String caseId,
        String applicationId,
        String authorityId,
        String requestId,
        String message,
        List<String> fields,
        List<String> documents,
        LocalDate dueDate,
        Instant requestedAt) {

    public static final String TYPE = "InformationRequested";
}

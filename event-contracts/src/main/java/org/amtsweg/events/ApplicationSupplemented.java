package org.amtsweg.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The citizen answered an information request (Nachforderung): the application's data after the
 * answer, with the JSON pointers of the fields that changed.
 */
public record ApplicationSupplemented(
        String applicationId,
        String requestId,
        JsonNode data,
        List<String> changedFields,
        List<AttachmentReference> attachments,
        String message,
        Instant supplementedAt) {

    public static final String TYPE = "ApplicationSupplemented";
}

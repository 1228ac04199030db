package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.amtsweg.application.status.ApplicationStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An application as its citizen sees it: what she applied for, at which authority, what she entered,
 * which fields came from her identity, and what has happened since.
 *
 * @param status             an {@link ApplicationStatus} by name, as stored: a status of the case this service does not
 *                           know (yet) is shown as case-service sent it
 * @param prefilled          JSON pointers of the fields filled from the identity (once-only)
 * @param requiredTrustLevel the trust level the service demands for anything done with the application
 * @param withheld           true in a list read with a weaker login: data, prefilled fields and timeline are left
 *                           out (null, empty) until the citizen logs in with at least {@code requiredTrustLevel}
 */
public record ApplicationView(
        UUID id,
        Service service,
        Authority authority,
        int formVersion,

        @Schema(type = SchemaType.STRING, implementation = ApplicationStatus.class)
        String status,

        String referenceNumber,
        JsonNode data,
        List<String> prefilled,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt,
        List<TimelineEntry> timeline,
        String requiredTrustLevel,
        boolean withheld) {

    /** What a login below {@code requiredTrustLevel} may see of the application: that it exists, and its state. */
    public ApplicationView withheldData() {
        return new ApplicationView(
                id,
                service,
                authority,
                formVersion,
                status,
                referenceNumber,
                null,
                null,
                createdAt,
                updatedAt,
                submittedAt,
                List.of(),
                requiredTrustLevel,
                true);
    }

    public record Service(String key, String name) {}

    /** The responsible authority; its branding is at {@code GET /authorities/{id}} of the catalogue. */
    public record Authority(String id, String name) {}

    public record TimelineEntry(
            OffsetDateTime at,

            @Schema(type = SchemaType.STRING, implementation = ApplicationStatus.class)
            String status,

            String event,
            String description) {}
}

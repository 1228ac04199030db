package org.amtsweg.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A citizen submitted a complete application (Antrag): everything the case needs travels with it,
 * so that the responsible authority never has to ask for data the citizen already gave.
 *
 * @param referenceNumber the Aktenzeichen, unique per authority, e.g. {@code HA-2026-000123}
 * @param formVersion     the version of the service's form the data was validated against
 * @param registryChecks  the register checks the catalogue demands for this service, e.g. {@code RESIDENT_REGISTER}
 */
public record ApplicationSubmitted(
        String applicationId,
        String referenceNumber,
        String serviceKey,
        String serviceName,
        String ozgId,
        List<String> leikaIds,
        int formVersion,
        String authorityId,
        Applicant applicant,
        JsonNode data,
        List<AttachmentReference> attachments,
        List<String> registryChecks,
        Instant submittedAt) {

    public static final String TYPE = "ApplicationSubmitted";
}

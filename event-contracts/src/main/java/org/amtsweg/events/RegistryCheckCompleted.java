package org.amtsweg.events;

import java.time.Instant;
import java.util.List;

/**
 * A register check (Registerabgleich) of a case finished.
 *
 * @param register        e.g. {@code RESIDENT_REGISTER} (Melderegister)
 * @param result          {@code MATCH}, {@code MISMATCH}, {@code NOT_FOUND} or {@code UNAVAILABLE}
 * @param differingFields with {@code MISMATCH}: which of the applicant's fields the register holds differently
 */
public record RegistryCheckCompleted(
        String caseId,
        String applicationId,
        String authorityId,
        String checkId,
        String register,
        String legalBasis,
        String purpose,
        String result,
        List<String> differingFields,
        Instant completedAt) {

    public static final String TYPE = "RegistryCheckCompleted";
}

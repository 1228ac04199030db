package org.amtsweg.cases.handover.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How an authority's specialist procedure takes its decided cases over: {@code pull} (the feed
 * {@code GET /handover}, as before) or {@code push} (each decided case delivered to {@code endpoint},
 * encrypted to {@code encryptionKey}). {@code signingKey} verifies the procedure's signed events. Both keys are
 * public JWKs; nothing here is secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoverRegistration(
        String authority,
        String mode,
        String endpoint,
        Map<String, Object> encryptionKey,
        Map<String, Object> signingKey,
        String updatedAt,
        String updatedBy) {

    public static final String PULL = "pull";
    public static final String PUSH = "push";

    public boolean push() {
        return PUSH.equals(mode);
    }
}

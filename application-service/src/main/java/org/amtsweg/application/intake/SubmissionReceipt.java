package org.amtsweg.application.intake;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.amtsweg.application.status.ApplicationStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a successful submission: the reference number (Aktenzeichen) and the receipt's facts. */
public record SubmissionReceipt(
        UUID applicationId,
        String referenceNumber,

        @Schema(type = SchemaType.STRING, implementation = ApplicationStatus.class)
        String status,

        OffsetDateTime submittedAt,
        ApplicationView.Service service,
        ApplicationView.Authority authority) {}

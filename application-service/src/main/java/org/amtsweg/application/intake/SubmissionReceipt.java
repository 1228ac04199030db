package org.amtsweg.application.intake;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to a successful submission: the reference number (Aktenzeichen) and the receipt's facts. */
public record SubmissionReceipt(UUID applicationId, String referenceNumber, String status, OffsetDateTime submittedAt,
                                ApplicationView.Service service, ApplicationView.Authority authority) {
}

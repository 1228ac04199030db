package org.amtsweg.application.mailbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message in the citizen's mailbox (Postfach): an information request naming the fields and
 * documents asked for, or a decision notice with its outcome.
 *
 * @param requiredTrustLevel the trust level its application's service demands
 * @param withheld           true in a list read with a weaker login: body, fields, documents, outcome and
 *                           reasoning are left out until the citizen logs in with at least {@code requiredTrustLevel}
 */
public record MailboxMessage(
        UUID id,
        UUID applicationId,
        String kind,
        String subject,
        String body,
        List<String> fields,
        List<String> documents,
        LocalDate dueDate,
        String outcome,
        String reasoning,
        OffsetDateTime receivedAt,
        OffsetDateTime readAt,
        OffsetDateTime repliedAt,
        String requiredTrustLevel,
        boolean withheld) {

    /** What a weaker login may see: that a message arrived, about which application, of which kind, by when to answer. */
    public MailboxMessage withheldContent() {
        return new MailboxMessage(
                id,
                applicationId,
                kind,
                subject,
                null,
                List.of(),
                List.of(),
                dueDate,
                null,
                null,
                receivedAt,
                readAt,
                repliedAt,
                requiredTrustLevel,
                true);
    }
}

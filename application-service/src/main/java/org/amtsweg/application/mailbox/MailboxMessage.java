package org.amtsweg.application.mailbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message in the citizen's mailbox (Postfach): an information request naming the fields and
 * documents asked for, or a decision notice with its outcome.
 */
public record MailboxMessage(UUID id, UUID applicationId, String kind, String subject, String body, List<String> fields,
                             List<String> documents, LocalDate dueDate, String outcome, String reasoning, OffsetDateTime receivedAt,
                             OffsetDateTime readAt, OffsetDateTime repliedAt) {
}

package org.amtsweg.application.mailbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.events.DecisionIssued;
import org.amtsweg.events.InformationRequested;

/**
 * The citizens' mailboxes — every statement on {@code mailbox_message} is here. Messages arrive with the case's events
 * (in the consumer's transaction), are read and answered by the citizen, and a decision notice keeps its rendered
 * document. A message's trust level is its application's, so reads join the application.
 */
@ApplicationScoped
public class Mailbox {

    /** A message with the trust level of its application ({@code m}: the message, {@code a}: its application). */
    private static final String COLUMNS = """
            m.id, m.application_id, m.kind, m.subject, m.body, m.fields, m.documents, m.due_date, m.outcome, m.reasoning,
            m.created_at, m.read_at, m.replied_at, a.minimum_trust_level""";

    private final Pool pool;

    public Mailbox(Pool pool) {
        this.pool = pool;
    }

    /** The citizen's latest 200 messages, newest first. */
    Uni<List<MailboxMessage>> of(String citizenSubject) {
        return pool.preparedQuery(
                        "SELECT " + COLUMNS + " FROM mailbox_message m JOIN application a ON a.id = m.application_id"
                                + " WHERE m.citizen_subject = $1 ORDER BY m.created_at DESC LIMIT 200")
                .execute(Tuple.of(citizenSubject))
                .map(rows -> {
                    List<MailboxMessage> messages = new ArrayList<>();
                    rows.forEach(row -> messages.add(message(row)));
                    return messages;
                });
    }

    /** The message, if it is this citizen's. */
    Uni<Optional<MailboxMessage>> find(UUID id, String citizenSubject) {
        return pool.preparedQuery(
                        "SELECT " + COLUMNS + " FROM mailbox_message m JOIN application a ON a.id = m.application_id"
                                + " WHERE m.id = $1 AND m.citizen_subject = $2")
                .execute(Tuple.of(id, citizenSubject))
                .map(Mailbox::first);
    }

    /** Marks the citizen's message read (the first reading counts) and gives it back. */
    Uni<Optional<MailboxMessage>> markRead(UUID id, String citizenSubject) {
        return pool.preparedQuery("""
                        UPDATE mailbox_message m SET read_at = coalesce(m.read_at, now()) FROM application a
                        WHERE m.id = $1 AND m.citizen_subject = $2 AND a.id = m.application_id RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, citizenSubject))
                .map(Mailbox::first);
    }

    /**
     * The authority's information request, in the transaction that reopens the application for it, naming the
     * {@code fields} and {@code documents} reopened.
     */
    public Uni<Void> deliverRequest(
            SqlConnection connection,
            UUID applicationId,
            InformationRequested request,
            UUID requestId,
            String[] fields,
            String[] documents) {
        Map<String, Object> message = new HashMap<>();
        message.put("messageId", UUID.randomUUID());
        message.put("message", Objects.requireNonNullElse(request.message(), ""));
        message.put("fields", fields);
        message.put("documents", documents);
        message.put("dueDate", request.dueDate());
        message.put("requestId", requestId);
        message.put("applicationId", applicationId);
        return SqlTemplate.forUpdate(connection, """
                        INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, fields, documents,
                            due_date, request_id)
                        SELECT #{messageId}, citizen_subject, id, 'INFORMATION_REQUEST', 'Nachforderung zu ' || reference_number,
                            #{message}, #{fields}, #{documents}, #{dueDate}, #{requestId}
                        FROM application WHERE id = #{applicationId}""").execute(message).replaceWithVoid();
    }

    /** The citizen's answer to request {@code requestId}, in the transaction that sends the supplement. */
    public Uni<Void> markReplied(SqlConnection connection, UUID requestId, String reply) {
        return connection.preparedQuery("""
                        UPDATE mailbox_message SET replied_at = now(), reply_text = $2, read_at = coalesce(read_at, now())
                        WHERE request_id = $1""").execute(Tuple.of(requestId, reply)).replaceWithVoid();
    }

    /** The decision notice, in the consumer's transaction; its document is rendered later ({@link NoticeDocuments}). */
    public Uni<Void> deliverNotice(SqlConnection connection, UUID applicationId, DecisionIssued decision) {
        OffsetDateTime issuedAt =
                decision.issuedAt() == null ? null : decision.issuedAt().atOffset(ZoneOffset.UTC);
        return connection
                .preparedQuery("""
                        INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, outcome, reasoning, issued_at)
                        SELECT $1, citizen_subject, id, 'DECISION', 'Bescheid zu ' || reference_number, $2, $3, $4, $6 FROM application WHERE id = $5""")
                .execute(Tuple.from(new Object[] {
                    UUID.randomUUID(),
                    Objects.requireNonNullElse(decision.noticeText(), ""),
                    decision.outcome(),
                    Objects.requireNonNullElse(decision.reasoning(), ""),
                    applicationId,
                    issuedAt
                }))
                .replaceWithVoid();
    }

    /** What a decision notice says and what its letter names, with the document if it was rendered already. */
    record Notice(
            UUID id,
            byte[] document,
            String body,
            String outcome,
            String reasoning,
            OffsetDateTime issuedAt,
            String authorityId,
            String referenceNumber,
            String serviceName,
            String minimumTrustLevel) {}

    /** The decision notice {@code messageId}, if it is one. */
    Uni<Optional<Notice>> notice(UUID messageId) {
        return pool.preparedQuery(NOTICE + " WHERE m.id = $1 AND m.kind = 'DECISION'")
                .execute(Tuple.of(messageId))
                .map(Mailbox::notice);
    }

    /** The decision notice {@code messageId}, if it is one and this citizen's. */
    Uni<Optional<Notice>> notice(UUID messageId, String citizenSubject) {
        return pool.preparedQuery(NOTICE + " WHERE m.id = $1 AND m.citizen_subject = $2 AND m.kind = 'DECISION'")
                .execute(Tuple.of(messageId, citizenSubject))
                .map(Mailbox::notice);
    }

    private static final String NOTICE = """
            SELECT m.id, m.document, m.body, m.outcome, m.reasoning, coalesce(m.issued_at, m.created_at) AS issued_at,
                   a.authority_id, a.reference_number, a.service_name, a.minimum_trust_level
            FROM mailbox_message m JOIN application a ON a.id = m.application_id""";

    /**
     * Keeps a notice's rendered document; if two rendered it at once, the first kept wins and is returned. (A parameter
     * is a core buffer: the client's codec knows no other.)
     */
    Uni<byte[]> keepDocument(UUID messageId, byte[] rendered) {
        return pool.preparedQuery(
                        "UPDATE mailbox_message SET document = coalesce(document, $2) WHERE id = $1 RETURNING document")
                .execute(Tuple.of(messageId, io.vertx.core.buffer.Buffer.buffer(rendered)))
                .map(rows -> rows.iterator().next().getBuffer("document").getBytes());
    }

    /** Up to {@code limit} notices without a document yet, oldest first. */
    Uni<List<UUID>> noticesToRender(int limit) {
        return pool.preparedQuery(
                        "SELECT id FROM mailbox_message WHERE kind = 'DECISION' AND document IS NULL ORDER BY created_at LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /** The latest decision notice delivered for an application, if any. */
    Uni<Optional<UUID>> latestNoticeOf(UUID applicationId) {
        return pool.preparedQuery(
                        "SELECT id FROM mailbox_message WHERE application_id = $1 AND kind = 'DECISION' ORDER BY created_at DESC LIMIT 1")
                .execute(Tuple.of(applicationId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID("id")));
    }

    private static Optional<MailboxMessage> first(RowSet<Row> rows) {
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(message(rows.iterator().next()));
    }

    private static MailboxMessage message(Row row) {
        return new MailboxMessage(
                row.getUUID("id"),
                row.getUUID("application_id"),
                row.getString("kind"),
                row.getString("subject"),
                row.getString("body"),
                Arrays.asList(row.getArrayOfStrings("fields")),
                Arrays.asList(row.getArrayOfStrings("documents")),
                row.getLocalDate("due_date"),
                row.getString("outcome"),
                row.getString("reasoning"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("read_at"),
                row.getOffsetDateTime("replied_at"),
                row.getString("minimum_trust_level"),
                false);
    }

    private static Optional<Notice> notice(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        Buffer document = row.getBuffer("document");
        return Optional.of(new Notice(
                row.getUUID("id"),
                document == null ? null : document.getBytes(),
                row.getString("body"),
                row.getString("outcome"),
                row.getString("reasoning"),
                row.getOffsetDateTime("issued_at"),
                row.getString("authority_id"),
                row.getString("reference_number"),
                row.getString("service_name"),
                row.getString("minimum_trust_level")));
    }
}

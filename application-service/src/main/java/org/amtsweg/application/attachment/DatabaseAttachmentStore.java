package org.amtsweg.application.attachment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.events.DocumentRemoved;
import org.amtsweg.events.DocumentStored;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;

/** Attachments in PostgreSQL: durable, transactional, backed up with everything else. */
@ApplicationScoped
public class DatabaseAttachmentStore implements AttachmentStore {

    private final Pool pool;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public DatabaseAttachmentStore(Pool pool, Outbox outbox, OutboxRelay relay) {
        this.pool = pool;
        this.outbox = outbox;
        this.relay = relay;
    }

    @Override
    public Uni<StoredAttachment> save(
            DocumentOwner owner, String kind, String fileName, String mediaType, byte[] content) {
        UUID id = UUID.randomUUID();
        String sha256 = sha256(content);
        Map<String, Object> attachment = new HashMap<>();
        attachment.put("id", id);
        attachment.put("applicationId", owner.applicationId());
        attachment.put("kind", kind);
        attachment.put("fileName", fileName);
        attachment.put("mediaType", mediaType);
        attachment.put("size", (long) content.length);
        attachment.put("sha256", sha256);
        attachment.put("content", Buffer.buffer(content));
        return pool.withTransaction(connection -> SqlTemplate.forQuery(connection, SAVE)
                        .execute(attachment)
                        .map(rows -> new StoredAttachment(
                                id,
                                kind,
                                fileName,
                                mediaType,
                                content.length,
                                sha256,
                                rows.iterator().next().getOffsetDateTime("created_at")))
                        .call(stored -> outbox.append(
                                connection,
                                Topics.APPLICATIONS,
                                owner.applicationId().toString(),
                                DocumentStored.TYPE,
                                owner.applicationId().toString(),
                                new DocumentStored(
                                        owner.applicationId().toString(),
                                        id.toString(),
                                        owner.serviceKey(),
                                        owner.authorityId(),
                                        content.length,
                                        stored.uploadedAt().toInstant()))))
                .invoke(relay::nudge);
    }

    private static final String SAVE = """
            INSERT INTO attachment (id, application_id, kind, file_name, media_type, size, sha256, content)
            VALUES (#{id}, #{applicationId}, #{kind}, #{fileName}, #{mediaType}, #{size}, #{sha256}, #{content})
            RETURNING created_at""";

    @Override
    public Uni<List<StoredAttachment>> list(UUID applicationId) {
        return pool.preparedQuery(
                        "SELECT id, kind, file_name, media_type, size, sha256, created_at FROM attachment WHERE application_id = $1 ORDER BY created_at")
                .execute(Tuple.of(applicationId))
                .map(rows -> {
                    List<StoredAttachment> attachments = new ArrayList<>();
                    for (Row row : rows) {
                        attachments.add(new StoredAttachment(
                                row.getUUID("id"),
                                row.getString("kind"),
                                row.getString("file_name"),
                                row.getString("media_type"),
                                row.getLong("size"),
                                row.getString("sha256"),
                                row.getOffsetDateTime("created_at")));
                    }
                    return attachments;
                });
    }

    @Override
    public Uni<Optional<byte[]>> content(UUID applicationId, UUID attachmentId) {
        return pool.preparedQuery("SELECT content FROM attachment WHERE id = $1 AND application_id = $2")
                .execute(Tuple.of(attachmentId, applicationId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(
                                rows.iterator().next().getBuffer("content").getBytes()));
    }

    @Override
    public Uni<Boolean> delete(DocumentOwner owner, UUID attachmentId) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("DELETE FROM attachment WHERE id = $1 AND application_id = $2 RETURNING size")
                        .execute(Tuple.of(attachmentId, owner.applicationId()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().item(false);
                            }
                            long bytes = rows.iterator().next().getLong("size");
                            return outbox.append(
                                            connection,
                                            Topics.APPLICATIONS,
                                            owner.applicationId().toString(),
                                            DocumentRemoved.TYPE,
                                            owner.applicationId().toString(),
                                            new DocumentRemoved(
                                                    owner.applicationId().toString(),
                                                    attachmentId.toString(),
                                                    owner.serviceKey(),
                                                    owner.authorityId(),
                                                    bytes,
                                                    Instant.now()))
                                    .replaceWith(true);
                        }))
                .invoke(deleted -> {
                    if (deleted) {
                        relay.nudge();
                    }
                });
    }

    @Override
    public Uni<Long> totalSize(UUID applicationId) {
        return pool.preparedQuery("SELECT coalesce(sum(size), 0) AS total FROM attachment WHERE application_id = $1")
                .execute(Tuple.of(applicationId))
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package org.amtsweg.cases.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.amtsweg.cases.Problems;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The documents of a case for its clerks and its specialist procedure. The case decides who may see a
 * document (its authority); application-service keeps the content. What comes back is checked against
 * the SHA-256 the application event recorded, so a procedure takes over exactly what was submitted.
 */
@ApplicationScoped
public class CaseDocuments {

    private static final Logger LOG = Logger.getLogger(CaseDocuments.class);
    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.cases.audit");
    private static final Duration WAIT_FOR_STORE = Duration.ofSeconds(10);

    /** A document of a case with its content, as submitted. */
    public record Document(String fileName, String mediaType, String sha256, byte[] content) {}

    private final Pool pool;
    private final SubmittedDocumentsApi store;
    private final ObjectMapper mapper;

    public CaseDocuments(Pool pool, @RestClient SubmittedDocumentsApi store, ObjectMapper mapper) {
        this.pool = pool;
        this.store = store;
        this.mapper = mapper;
    }

    public Uni<Document> fetch(String authority, UUID caseId, UUID attachmentId, String requestedBy) {
        return pool.preparedQuery(
                        "SELECT application_id, attachments::text AS attachments FROM case_file WHERE id = $1 AND authority_id = $2")
                .execute(Tuple.of(caseId, authority))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problems.notFound("Es gibt keinen Vorgang " + caseId + " Ihrer Behörde.");
                    }
                    return rows.iterator().next();
                })
                .chain(row -> {
                    JsonNode attachment = attachment(row, attachmentId);
                    UUID applicationId = row.getUUID("application_id");
                    return fromStore(
                                    store.content(applicationId, attachmentId),
                                    "case=" + caseId + " attachment=" + attachmentId)
                            .map(response -> {
                                byte[] content = response.getEntity();
                                String expected = attachment.path("sha256").asText();
                                if (!expected.equalsIgnoreCase(sha256(content))) {
                                    AUDIT.errorf(
                                            "document differs from the submitted one: case=%s attachment=%s",
                                            caseId, attachmentId);
                                    throw Problems.documentAltered(attachmentId);
                                }
                                AUDIT.infof(
                                        "document released: case=%s attachment=%s to=%s",
                                        caseId, attachmentId, requestedBy);
                                return new Document(
                                        attachment.path("fileName").asText(),
                                        attachment.path("mediaType").asText(),
                                        expected,
                                        content);
                            });
                });
    }

    /** The decision notice of a decided case, exactly as the citizen received it. */
    public Uni<byte[]> notice(String authority, UUID caseId, String requestedBy) {
        return pool.preparedQuery("""
                        SELECT f.application_id, EXISTS (SELECT 1 FROM decision d WHERE d.case_id = f.id) AS decided
                        FROM case_file f WHERE f.id = $1 AND f.authority_id = $2""").execute(Tuple.of(caseId, authority)).chain(rows -> {
            if (rows.size() == 0) {
                throw Problems.notFound("Es gibt keinen Vorgang " + caseId + " Ihrer Behörde.");
            }
            Row row = rows.iterator().next();
            if (!row.getBoolean("decided")) {
                throw Problems.notFound("Im Vorgang " + caseId + " ist noch kein Bescheid ergangen.");
            }
            return fromStore(store.notice(row.getUUID("application_id")), "notice of case=" + caseId)
                    .map(response -> {
                        AUDIT.infof("notice released: case=%s to=%s", caseId, requestedBy);
                        return response.getEntity();
                    });
        });
    }

    /** A call to the document store, bounded in time; whatever goes wrong there is a 503 to try again. */
    private static <T> Uni<T> fromStore(Uni<T> call, String what) {
        return call.ifNoItem().after(WAIT_FOR_STORE).fail().onFailure().transform(failure -> {
            LOG.warnf(failure, "document store did not deliver %s", what);
            return Problems.documentsUnavailable();
        });
    }

    private JsonNode attachment(Row row, UUID attachmentId) {
        try {
            for (JsonNode attachment : mapper.readTree(row.getString("attachments"))) {
                if (attachment.path("id").asText().equals(attachmentId.toString())) {
                    return attachment;
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachment list is not JSON", e);
        }
        throw Problems.notFound("Der Vorgang hat kein Dokument " + attachmentId + ".");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content == null ? new byte[0] : content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

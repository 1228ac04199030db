package org.amtsweg.cases.handover;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.cases.inbox.CaseDetails;
import org.amtsweg.cases.inbox.CaseQueries;

/** Builds the export of a case for its specialist procedure, and lists what awaits handover. */
@ApplicationScoped
public class CaseHandover {

    private final CaseQueries queries;
    private final Pool pool;

    public CaseHandover(CaseQueries queries, Pool pool) {
        this.queries = queries;
        this.pool = pool;
    }

    public Uni<Optional<CaseExport>> export(String authority, UUID caseId) {
        return queries.details(authority, caseId)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<CaseExport>empty())
                        : decision(caseId).map(decision -> Optional.of(export(found.get(), decision.orElse(null)))));
    }

    /** Whether the case is one of the authority's. */
    public Uni<Boolean> belongs(String authority, UUID caseId) {
        return pool.preparedQuery("SELECT 1 FROM case_file WHERE id = $1 AND authority_id = $2")
                .execute(Tuple.of(caseId, authority))
                .map(rows -> rows.size() > 0);
    }

    /** A decided case waiting for its procedure. */
    public record Pending(UUID caseId, String referenceNumber, String serviceKey, String decidedAt, String export) {}

    /** Decided cases of the authority not yet taken over, oldest decision first. */
    public Uni<List<Pending>> pending(String authority, int limit) {
        return pool.preparedQuery("""
                        SELECT f.id, f.reference_number, f.service_key, d.issued_at FROM case_file f JOIN decision d ON d.case_id = f.id
                        WHERE f.authority_id = $1 AND f.status = 'DECIDED' ORDER BY d.issued_at, f.id LIMIT $2""").execute(Tuple.of(authority, limit)).map(rows -> {
            List<Pending> pending = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                pending.add(new Pending(
                        id,
                        row.getString("reference_number"),
                        row.getString("service_key"),
                        row.getOffsetDateTime("issued_at").toString(),
                        "/cases/" + id + "/export"));
            }
            return pending;
        });
    }

    private Uni<Optional<CaseExport.Decision>> decision(UUID caseId) {
        return pool.preparedQuery(
                        "SELECT outcome, reasoning, notice_text, decided_by, issued_at FROM decision WHERE case_id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next())
                                .map(row -> new CaseExport.Decision(
                                        row.getString("outcome"),
                                        row.getString("reasoning"),
                                        row.getString("notice_text"),
                                        row.getString("decided_by"),
                                        row.getOffsetDateTime("issued_at").toString(),
                                        "/cases/" + caseId + "/notice")));
    }

    private static CaseExport export(CaseDetails details, CaseExport.Decision decision) {
        JsonNode applicant = details.applicant();
        JsonNode address = applicant.path("address");
        List<CaseExport.Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : details.attachments()) {
            attachments.add(new CaseExport.Attachment(
                    attachment.path("id").asText(),
                    text(attachment, "kind"),
                    attachment.path("fileName").asText(),
                    attachment.path("mediaType").asText(),
                    attachment.path("size").asLong(),
                    attachment.path("sha256").asText(),
                    "/cases/" + details.id() + "/attachments/"
                            + attachment.path("id").asText()));
        }
        return new CaseExport(
                "1",
                null,
                details.id().toString(),
                details.applicationId().toString(),
                details.referenceNumber(),
                details.authorityId(),
                details.serviceKey(),
                details.serviceName(),
                details.formVersion(),
                details.status(),
                details.submittedAt().toString(),
                new CaseExport.Applicant(
                        applicant.path("subject").asText(),
                        text(applicant, "givenName"),
                        text(applicant, "familyName"),
                        text(applicant, "birthdate"),
                        text(address, "streetAddress"),
                        text(address, "postalCode"),
                        text(address, "locality"),
                        text(applicant, "municipality"),
                        applicant.path("trustLevel").asText()),
                details.data(),
                fields(details.data()),
                attachments,
                details.registryChecks().stream()
                        .map(check -> new CaseExport.RegistryCheck(
                                check.register(),
                                check.legalBasis(),
                                check.purpose(),
                                check.result(),
                                String.join(",", check.differingFields()),
                                check.requestedAt().toString(),
                                check.completedAt() == null
                                        ? null
                                        : check.completedAt().toString()))
                        .toList(),
                details.history().stream()
                        .map(entry -> new CaseExport.HistoryEntry(
                                entry.at().toString(),
                                entry.actor(),
                                entry.action(),
                                entry.fromStatus(),
                                entry.toStatus(),
                                entry.detail()))
                        .toList(),
                decision);
    }

    /** Every value of the form data, named by its JSON pointer, in document order. */
    static List<CaseExport.Field> fields(JsonNode data) {
        List<CaseExport.Field> fields = new ArrayList<>();
        collect("", data, fields);
        return fields;
    }

    private static void collect(String pointer, JsonNode node, List<CaseExport.Field> fields) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                collect(pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1"), entry.getValue(), fields);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                collect(pointer + "/" + index, node.get(index), fields);
            }
        } else if (!node.isNull()) {
            fields.add(new CaseExport.Field(pointer, node.asText()));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}

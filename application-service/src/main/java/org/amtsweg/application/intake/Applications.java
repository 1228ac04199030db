package org.amtsweg.application.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads applications; every read is scoped to the citizen, so another's application simply does not exist. */
@ApplicationScoped
public class Applications {

    static final String COLUMNS = """
            id, service_key, service_name, authority_id, authority_name, reference_prefix, form_version, minimum_trust_level, status,
            reference_number, data::text AS data, prefilled, created_at, updated_at, submitted_at,
            submitted_data::text AS submitted_data, editable_fields, requested_documents, open_request_id, ozg_id, leika_ids, registry_checks,
            revision""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public Applications(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * A row of the application table, as intake works with it.
     *
     * @param editableFields     while an information request is open: the pointers the citizen may change
     * @param requestedDocuments while an information request is open: the document kinds asked for
     * @param revision           counts every change, so that a submission notices data saved while it validated
     */
    public record Stored(ApplicationView view, String minimumTrustLevel, String referencePrefix, JsonNode submittedData,
                         List<String> editableFields, List<String> requestedDocuments, UUID openRequestId,
                         String ozgId, List<String> leikaIds, List<String> registryChecks, int revision) {
    }

    public Pool pool() {
        return pool;
    }

    public Uni<Optional<Stored>> find(SqlClient client, UUID id, String subject, boolean forUpdate) {
        return find(client, id, subject, forUpdate, true);
    }

    /** @param withTimeline false where only the application itself matters (submission): one query less */
    public Uni<Optional<Stored>> find(SqlClient client, UUID id, String subject, boolean forUpdate, boolean withTimeline) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM application WHERE id = $1 AND citizen_subject = $2"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id, subject))
                .map(rows -> rows.size() == 0 ? Optional.<Row>empty() : Optional.of(rows.iterator().next()))
                .chain(row -> row.isEmpty() ? Uni.createFrom().item(Optional.empty())
                        : withTimeline ? timeline(client, id).map(entries -> Optional.of(stored(row.get(), entries)))
                        : Uni.createFrom().item(Optional.of(stored(row.get(), List.of()))));
    }

    /** The status of an application whoever it belongs to: for services acting for the authority, never for citizens. */
    public Uni<Optional<String>> status(UUID id) {
        return pool.preparedQuery("SELECT status FROM application WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("status")));
    }

    public Uni<Optional<ApplicationView>> view(UUID id, String subject) {
        return find(pool, id, subject, false).map(found -> found.map(Stored::view));
    }

    public Uni<List<ApplicationView>> mine(String subject, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM application WHERE citizen_subject = $1 ORDER BY created_at DESC LIMIT $2")
                .execute(Tuple.of(subject, limit))
                .map(rows -> {
                    List<ApplicationView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(stored(row, List.of()).view()));
                    return views;
                });
    }

    private Uni<List<ApplicationView.TimelineEntry>> timeline(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT at, status, event_type, description FROM timeline_entry WHERE application_id = $1 ORDER BY seq")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<ApplicationView.TimelineEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new ApplicationView.TimelineEntry(row.getOffsetDateTime("at"),
                            row.getString("status"), row.getString("event_type"), row.getString("description"))));
                    return entries;
                });
    }

    private Stored stored(Row row, List<ApplicationView.TimelineEntry> timeline) {
        return new Stored(new ApplicationView(
                row.getUUID("id"),
                new ApplicationView.Service(row.getString("service_key"), row.getString("service_name")),
                new ApplicationView.Authority(row.getString("authority_id"), row.getString("authority_name")),
                row.getInteger("form_version"),
                row.getString("status"),
                row.getString("reference_number"),
                json(row.getString("data")),
                Arrays.asList(row.getArrayOfStrings("prefilled")),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"),
                row.getOffsetDateTime("submitted_at"),
                timeline), row.getString("minimum_trust_level"), row.getString("reference_prefix"),
                row.getString("submitted_data") == null ? null : json(row.getString("submitted_data")),
                Arrays.asList(row.getArrayOfStrings("editable_fields")), Arrays.asList(row.getArrayOfStrings("requested_documents")),
                row.getUUID("open_request_id"), row.getString("ozg_id"), Arrays.asList(row.getArrayOfStrings("leika_ids")),
                Arrays.asList(row.getArrayOfStrings("registry_checks")), row.getInteger("revision"));
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored application data is not JSON", e);
        }
    }
}

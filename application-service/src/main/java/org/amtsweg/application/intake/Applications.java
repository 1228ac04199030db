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
import org.amtsweg.application.security.Citizen;
import org.amtsweg.application.status.ApplicationStatus;

/**
 * Reads applications; every read is scoped to the citizen, so another's application simply does not
 * exist, and checks her login against the trust level the application's service demands, so that no
 * operation on an application can forget it.
 */
@ApplicationScoped
public class Applications {

    static final String COLUMNS = """
            id, service_key, service_name, authority_id, authority_name, reference_prefix, form_version, minimum_trust_level, status,
            reference_number, data::text AS data, prefilled, created_at, updated_at, submitted_at,
            submitted_data::text AS submitted_data, editable_fields, requested_documents, open_request_id, ozg_id, leika_ids, registry_checks,
            revision, idempotency_key""";

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
     * @param idempotencyKey     the {@code Idempotency-Key} the submission was made with, if any
     */
    public record Stored(
            ApplicationView view,
            String minimumTrustLevel,
            String referencePrefix,
            JsonNode submittedData,
            List<String> editableFields,
            List<String> requestedDocuments,
            UUID openRequestId,
            String ozgId,
            List<String> leikaIds,
            List<String> registryChecks,
            int revision,
            String idempotencyKey) {

        /** Its status in the lifecycle; empty for a status of the case this service does not know (yet). */
        public Optional<ApplicationStatus> status() {
            return ApplicationStatus.of(view.status());
        }

        /** Whether the citizen may move it to {@code next}; never from a status this service does not know. */
        public boolean canMoveTo(ApplicationStatus next) {
            return status().filter(status -> status.canMoveTo(next)).isPresent();
        }
    }

    public Pool pool() {
        return pool;
    }

    public Uni<Optional<Stored>> find(SqlClient client, UUID id, Citizen citizen, boolean forUpdate) {
        return find(client, id, citizen, forUpdate, true);
    }

    /**
     * The citizen's application; empty when it is not hers (or not there). Fails with 403
     * {@code trust-level-too-low} when her login is weaker than its service demands: only the owner
     * learns that, everybody else sees nothing.
     *
     * @param withTimeline false where only the application itself matters (submission): one query less
     */
    public Uni<Optional<Stored>> find(
            SqlClient client, UUID id, Citizen citizen, boolean forUpdate, boolean withTimeline) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM application WHERE id = $1 AND citizen_subject = $2"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id, citizen.subject()))
                .map(rows -> rows.size() == 0
                        ? Optional.<Row>empty()
                        : Optional.of(rows.iterator().next()))
                .invoke(row ->
                        row.ifPresent(found -> citizen.requireTrustLevel(found.getString("minimum_trust_level"))))
                .chain(row -> row.isEmpty()
                        ? Uni.createFrom().item(Optional.empty())
                        : withTimeline
                                ? timeline(client, id).map(entries -> Optional.of(stored(row.get(), entries)))
                                : Uni.createFrom().item(Optional.of(stored(row.get(), List.of()))));
    }

    /** The status of an application whoever it belongs to: for services acting for the authority, never for citizens. */
    public Uni<Optional<String>> status(UUID id) {
        return pool.preparedQuery("SELECT status FROM application WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("status")));
    }

    public Uni<Optional<ApplicationView>> view(UUID id, Citizen citizen) {
        return find(pool, id, citizen, false).map(found -> found.map(Stored::view));
    }

    /**
     * The citizen's applications. All are listed, so that she knows what she has going and a portal can
     * offer a stronger login; of those whose service demands more than this login, only the envelope
     * (service, authority, status, reference number, dates): their data stays withheld.
     */
    public Uni<List<ApplicationView>> mine(Citizen citizen, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM application WHERE citizen_subject = $1 ORDER BY created_at DESC LIMIT $2")
                .execute(Tuple.of(citizen.subject(), limit))
                .map(rows -> {
                    List<ApplicationView> views = new ArrayList<>();
                    rows.forEach(row -> {
                        ApplicationView view = stored(row, List.of()).view();
                        views.add(citizen.reaches(view.requiredTrustLevel()) ? view : view.withheldData());
                    });
                    return views;
                });
    }

    private Uni<List<ApplicationView.TimelineEntry>> timeline(SqlClient client, UUID id) {
        return client.preparedQuery(
                        "SELECT at, status, event_type, description FROM timeline_entry WHERE application_id = $1 ORDER BY seq")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<ApplicationView.TimelineEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new ApplicationView.TimelineEntry(
                            row.getOffsetDateTime("at"),
                            row.getString("status"),
                            row.getString("event_type"),
                            row.getString("description"))));
                    return entries;
                });
    }

    private Stored stored(Row row, List<ApplicationView.TimelineEntry> timeline) {
        return new Stored(
                new ApplicationView(
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
                        timeline,
                        row.getString("minimum_trust_level"),
                        false),
                row.getString("minimum_trust_level"),
                row.getString("reference_prefix"),
                row.getString("submitted_data") == null ? null : json(row.getString("submitted_data")),
                Arrays.asList(row.getArrayOfStrings("editable_fields")),
                Arrays.asList(row.getArrayOfStrings("requested_documents")),
                row.getUUID("open_request_id"),
                row.getString("ozg_id"),
                Arrays.asList(row.getArrayOfStrings("leika_ids")),
                Arrays.asList(row.getArrayOfStrings("registry_checks")),
                row.getInteger("revision"),
                row.getString("idempotency_key"));
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored application data is not JSON", e);
        }
    }
}

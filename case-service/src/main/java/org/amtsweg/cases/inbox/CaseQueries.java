package org.amtsweg.cases.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads cases, always within one authority. */
@ApplicationScoped
public class CaseQueries {

    private static final String INBOX_TEMPLATE = """
                        SELECT f.id, f.application_id, f.reference_number, f.service_key, f.service_name, f.status, f.assignee,
                               f.applicant->>'givenName' || ' ' || (f.applicant->>'familyName') AS applicant_name, f.opened_at,
                               f.registry_summary AS registry_result
                        FROM case_file f
                        WHERE f.authority_id = #{authority}
                          AND (#{status}::text IS NULL OR f.status = #{status})
                          AND (#{service}::text IS NULL OR f.service_key = #{service})
                          AND (#{afterOpenedAt}::timestamptz IS NULL
                               OR (f.opened_at, f.id) %1$s (#{afterOpenedAt}, #{afterId}::uuid))
                          AND (#{assignee}::text IS NULL OR f.assignee = #{assignee})
                          AND (#{registryResult}::text IS NULL
                               OR #{registryResult} = ANY(string_to_array(f.registry_summary, ',')))
                        ORDER BY f.opened_at %2$s, f.id %2$s
                        LIMIT #{limit}""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public CaseQueries(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** Where a page starts: after this case in the page's (opened_at, id) order. */
    public record Cursor(OffsetDateTime openedAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((openedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String value) {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        }
    }

    /** The inbox statement per order; the order only ever fills in its own comparison and direction. */
    private static final Map<InboxOrder, String> INBOX = Arrays.stream(InboxOrder.values())
            .collect(Collectors.toUnmodifiableMap(
                    order -> order, order -> INBOX_TEMPLATE.formatted(order.after, order.direction)));

    /** One page of the authority's inbox; every filter is optional. */
    public Uni<InboxPage> inbox(String authority, InboxFilter filter, InboxOrder order, Cursor after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("authority", authority);
        parameters.put("status", filter.status());
        parameters.put("service", filter.service());
        parameters.put("afterOpenedAt", after == null ? null : after.openedAt());
        parameters.put("afterId", after == null ? null : after.id());
        // One more than the page holds: whether there is a next page.
        parameters.put("limit", limit + 1);
        parameters.put("assignee", filter.assignee());
        parameters.put("registryResult", filter.registryResult());
        return pool.withConnection(connection ->
                        SqlTemplate.forQuery(connection, INBOX.get(order)).execute(parameters))
                .map(rows -> {
                    List<CaseSummary> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new CaseSummary(
                                row.getUUID("id"),
                                row.getUUID("application_id"),
                                row.getString("reference_number"),
                                row.getString("service_key"),
                                row.getString("service_name"),
                                row.getString("status"),
                                row.getString("assignee"),
                                row.getString("applicant_name"),
                                row.getString("registry_result"),
                                row.getOffsetDateTime("opened_at")));
                    }
                    String next = null;
                    if (items.size() > limit) {
                        items = items.subList(0, limit);
                        CaseSummary last = items.get(limit - 1);
                        next = new Cursor(last.openedAt(), last.id()).encode();
                    }
                    return new InboxPage(items, next);
                });
    }

    /** The audit trail of a case of the authority; empty if the case is not the authority's. */
    public Uni<Optional<List<CaseDetails.HistoryEntry>>> history(String authority, UUID id) {
        return pool.preparedQuery("SELECT 1 FROM case_file WHERE id = $1 AND authority_id = $2")
                .execute(Tuple.of(id, authority))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(Optional.empty())
                        : history(id).map(Optional::of));
    }

    public Uni<Optional<CaseDetails>> details(String authority, UUID id) {
        Uni<Optional<Row>> caseRow = pool.preparedQuery("""
                        SELECT id, application_id, reference_number, authority_id, service_key, service_name, form_version, status, revision, assignee,
                               applicant::text AS applicant, data::text AS data, attachments::text AS attachments, submitted_at, opened_at
                        FROM case_file WHERE id = $1 AND authority_id = $2""")
                .execute(Tuple.of(id, authority))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next()));
        return caseRow.chain(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.empty())
                : Uni.combine()
                        .all()
                        .unis(checks(id), history(id))
                        .asTuple()
                        .map(parts -> Optional.of(details(found.get(), parts.getItem1(), parts.getItem2()))));
    }

    private Uni<List<CaseDetails.RegistryResult>> checks(UUID caseId) {
        return pool.preparedQuery("""
                        SELECT id, register, legal_basis, purpose, state, result, differing_fields, attempts, requested_at, completed_at,
                               request::text AS request, response::text AS response
                        FROM registry_check WHERE case_id = $1 ORDER BY requested_at, register""").execute(Tuple.of(caseId)).map(rows -> {
            List<CaseDetails.RegistryResult> results = new ArrayList<>();
            rows.forEach(row -> results.add(new CaseDetails.RegistryResult(
                    row.getUUID("id"),
                    row.getString("register"),
                    row.getString("legal_basis"),
                    row.getString("purpose"),
                    row.getString("state"),
                    row.getString("result"),
                    Arrays.asList(row.getArrayOfStrings("differing_fields")),
                    row.getInteger("attempts"),
                    row.getOffsetDateTime("requested_at"),
                    row.getOffsetDateTime("completed_at"),
                    json(row.getString("request")),
                    row.getString("response") == null ? null : json(row.getString("response")))));
            return results;
        });
    }

    private Uni<List<CaseDetails.HistoryEntry>> history(UUID caseId) {
        return pool.preparedQuery(
                        "SELECT at, actor, action, from_status, to_status, detail FROM case_history WHERE case_id = $1 ORDER BY seq")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<CaseDetails.HistoryEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new CaseDetails.HistoryEntry(
                            row.getOffsetDateTime("at"),
                            row.getString("actor"),
                            row.getString("action"),
                            row.getString("from_status"),
                            row.getString("to_status"),
                            row.getString("detail"))));
                    return entries;
                });
    }

    private CaseDetails details(
            Row row, List<CaseDetails.RegistryResult> checks, List<CaseDetails.HistoryEntry> history) {
        return new CaseDetails(
                row.getUUID("id"),
                row.getUUID("application_id"),
                row.getString("reference_number"),
                row.getString("authority_id"),
                row.getString("service_key"),
                row.getString("service_name"),
                row.getInteger("form_version"),
                row.getString("status"),
                row.getInteger("revision"),
                row.getString("assignee"),
                json(row.getString("applicant")),
                json(row.getString("data")),
                json(row.getString("attachments")),
                row.getOffsetDateTime("submitted_at"),
                row.getOffsetDateTime("opened_at"),
                checks,
                history);
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored case data is not JSON", e);
        }
    }
}

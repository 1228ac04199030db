package org.amtsweg.usage.collect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The counts (owner of {@code monthly_usage}, {@code application_service} and {@code staff_account_change}):
 * every write runs in the caller's transaction, the one that records the events in the processed-event log.
 */
@ApplicationScoped
public class UsageLedger {

    private static final String ADD = """
            INSERT INTO monthly_usage (authority_id, service_key, month, drafts_started, applications_submitted, cases_opened,
                registry_checks, documents_stored, document_bytes_stored, documents_removed, document_bytes_removed)
            VALUES (#{authority}, #{service}, #{month}, #{drafts}, #{submitted}, #{cases}, #{checks}, #{stored}, #{storedBytes},
                #{removed}, #{removedBytes})
            ON CONFLICT (month, authority_id, service_key) DO UPDATE SET
                drafts_started = monthly_usage.drafts_started + excluded.drafts_started,
                applications_submitted = monthly_usage.applications_submitted + excluded.applications_submitted,
                cases_opened = monthly_usage.cases_opened + excluded.cases_opened,
                registry_checks = monthly_usage.registry_checks + excluded.registry_checks,
                documents_stored = monthly_usage.documents_stored + excluded.documents_stored,
                document_bytes_stored = monthly_usage.document_bytes_stored + excluded.document_bytes_stored,
                documents_removed = monthly_usage.documents_removed + excluded.documents_removed,
                document_bytes_removed = monthly_usage.document_bytes_removed + excluded.document_bytes_removed""";

    private static final String REMEMBER_SERVICE = """
            WITH known AS (
                INSERT INTO application_service (application_id, authority_id, service_key) VALUES ($1, $2, $3)
                ON CONFLICT (application_id) DO NOTHING RETURNING application_id, service_key),
            held AS (
                DELETE FROM pending_registry_check pending USING known WHERE pending.application_id = known.application_id
                RETURNING pending.authority_id, known.service_key, pending.month, pending.checks)
            INSERT INTO monthly_usage (authority_id, service_key, month, registry_checks)
            SELECT authority_id, service_key, month, sum(checks) FROM held GROUP BY authority_id, service_key, month
            ON CONFLICT (month, authority_id, service_key) DO UPDATE SET
                registry_checks = monthly_usage.registry_checks + excluded.registry_checks""";

    private static final String HOLD_CHECKS = """
            INSERT INTO pending_registry_check (application_id, authority_id, month, checks) VALUES ($1, $2, $3, $4)
            ON CONFLICT (application_id, authority_id, month) DO UPDATE SET checks = pending_registry_check.checks + excluded.checks""";

    /**
     * Writes what a poll of events counts, in the caller's transaction: first the services the events name (which
     * also adds the register checks held for those applications), then the poll's register checks — counted for
     * their application's service, or held until an event names it — and last every figure's sum, one row each.
     * Each step is one round trip, however many events the poll held.
     */
    Uni<Void> record(SqlConnection connection, PollCounts counts) {
        Set<String> applications = new TreeSet<>();
        counts.services().forEach(known -> applications.add(known.applicationId()));
        counts.checks().forEach(check -> applications.add(check.applicationId()));
        return lock(connection, applications)
                .chain(() -> rememberServices(connection, counts.services()))
                .chain(() -> countRegistryChecks(connection, counts))
                .chain(() -> add(connection, counts.increments()));
    }

    /**
     * The two consumers (applications, cases) may meet at one application: a check held as pending while its service
     * is remembered concurrently would stay pending. So both take the locks of their poll's applications for their
     * transaction, always in the same order (no deadlock between them), and each statement after it sees what the
     * other committed.
     */
    private static Uni<Void> lock(SqlConnection connection, Set<String> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery("""
                        SELECT pg_advisory_xact_lock(key) FROM (
                            SELECT DISTINCT hashtextextended(id, 0) AS key FROM unnest($1::text[]) AS id ORDER BY key) AS keys""")
                .execute(Tuple.of(applicationIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Remembers the service of each application, from the first event that names both; held register checks count now. */
    private static Uni<Void> rememberServices(SqlConnection connection, List<PollCounts.ApplicationService> services) {
        if (services.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(REMEMBER_SERVICE)
                .executeBatch(services.stream()
                        .map(known ->
                                Tuple.of(UUID.fromString(known.applicationId()), known.authority(), known.service()))
                        .toList())
                .replaceWithVoid();
    }

    /** Counts each register check for the service of its application; when no event named that service yet, holds it. */
    private static Uni<Void> countRegistryChecks(SqlConnection connection, PollCounts counts) {
        if (counts.checks().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] applications = counts.checks().stream()
                .map(check -> UUID.fromString(check.applicationId()))
                .distinct()
                .toArray(UUID[]::new);
        return connection
                .preparedQuery(
                        "SELECT application_id, service_key FROM application_service WHERE application_id = ANY($1)")
                .execute(Tuple.of(applications))
                .chain(rows -> {
                    Map<String, String> serviceOf = new HashMap<>();
                    rows.forEach(row ->
                            serviceOf.put(row.getUUID("application_id").toString(), row.getString("service_key")));
                    Map<PollCounts.RegistryCheck, Long> held = new LinkedHashMap<>();
                    for (PollCounts.RegistryCheck check : counts.checks()) {
                        String service = serviceOf.get(check.applicationId());
                        if (service != null) {
                            counts.addRegistryCheck(check, service);
                        } else {
                            held.merge(check, 1L, Long::sum);
                        }
                    }
                    if (held.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return connection
                            .preparedQuery(HOLD_CHECKS)
                            .executeBatch(held.entrySet().stream()
                                    .map(entry -> Tuple.of(
                                            UUID.fromString(entry.getKey().applicationId()),
                                            entry.getKey().authority(),
                                            entry.getKey().month(),
                                            entry.getValue()))
                                    .toList())
                            .replaceWithVoid();
                });
    }

    /** Adds each figure's sum to its row. */
    private static Uni<Void> add(SqlConnection connection, Map<PollCounts.Figure, Increment> increments) {
        if (increments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        increments.forEach((figure, increment) -> {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("authority", figure.authority());
            parameters.put("service", figure.service());
            parameters.put("month", figure.month());
            parameters.put("drafts", increment.draftsStarted());
            parameters.put("submitted", increment.applicationsSubmitted());
            parameters.put("cases", increment.casesOpened());
            parameters.put("checks", increment.registryChecks());
            parameters.put("stored", increment.documentsStored());
            parameters.put("storedBytes", increment.documentBytesStored());
            parameters.put("removed", increment.documentsRemoved());
            parameters.put("removedBytes", increment.documentBytesRemoved());
            rows.add(parameters);
        });
        return SqlTemplate.forUpdate(connection, ADD).executeBatch(rows).replaceWithVoid();
    }

    /** Records a change of a staff account: whether it left the account active, and when. */
    Uni<Void> staffAccountChanged(
            SqlConnection connection, String changeId, String accountId, String authority, Instant at, boolean active) {
        return connection
                .preparedQuery("""
                        INSERT INTO staff_account_change (change_id, account_id, authority_id, changed_at, active) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (change_id) DO NOTHING""")
                .execute(Tuple.of(changeId, accountId, authority, at.atOffset(ZoneOffset.UTC), active))
                .replaceWithVoid();
    }
}

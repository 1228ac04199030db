package org.amtsweg.usage.collect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.usage.BillingMonth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The counts (owner of {@code monthly_usage}, {@code application_service} and {@code staff_account_change}):
 * every write runs in the caller's transaction, the one that records the event in the processed-event log.
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

    /** Adds what an event counts to the month it happened in (German time). */
    Uni<Void> add(SqlConnection connection, String authority, String service, Instant at, Increment increment) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("authority", authority);
        parameters.put("service", service);
        parameters.put("month", BillingMonth.of(at).firstDay());
        parameters.put("drafts", increment.draftsStarted());
        parameters.put("submitted", increment.applicationsSubmitted());
        parameters.put("cases", increment.casesOpened());
        parameters.put("checks", increment.registryChecks());
        parameters.put("stored", increment.documentsStored());
        parameters.put("storedBytes", increment.documentBytesStored());
        parameters.put("removed", increment.documentsRemoved());
        parameters.put("removedBytes", increment.documentBytesRemoved());
        return SqlTemplate.forUpdate(connection, ADD).execute(parameters).replaceWithVoid();
    }

    /**
     * Remembers the service of an application, from the first event that names both; register checks of it that
     * came before (held as pending) are added to their months' figures now.
     */
    Uni<Void> rememberService(SqlConnection connection, String applicationId, String authority, String service) {
        return lock(connection, applicationId).chain(() -> connection.preparedQuery("""
                        WITH known AS (
                            INSERT INTO application_service (application_id, authority_id, service_key) VALUES ($1, $2, $3)
                            ON CONFLICT (application_id) DO NOTHING RETURNING application_id, service_key),
                        held AS (
                            DELETE FROM pending_registry_check pending USING known WHERE pending.application_id = known.application_id
                            RETURNING pending.authority_id, known.service_key, pending.month, pending.checks)
                        INSERT INTO monthly_usage (authority_id, service_key, month, registry_checks)
                        SELECT authority_id, service_key, month, sum(checks) FROM held GROUP BY authority_id, service_key, month
                        ON CONFLICT (month, authority_id, service_key) DO UPDATE SET
                            registry_checks = monthly_usage.registry_checks + excluded.registry_checks""")
                .execute(Tuple.of(UUID.fromString(applicationId), authority, service))).replaceWithVoid();
    }

    /**
     * Counts a register check for the service of its application; when no event named that service yet, holds
     * it until one does ({@link #rememberService}).
     */
    Uni<Void> registryCheck(SqlConnection connection, String applicationId, String authority, Instant at) {
        return lock(connection, applicationId)
                .chain(() -> connection.preparedQuery("SELECT service_key FROM application_service WHERE application_id = $1")
                        .execute(Tuple.of(UUID.fromString(applicationId))))
                .chain(rows -> rows.size() > 0
                        ? add(connection, authority, rows.iterator().next().getString("service_key"), at, Increment.registryCheck())
                        : connection.preparedQuery("""
                                        INSERT INTO pending_registry_check (application_id, authority_id, month, checks) VALUES ($1, $2, $3, 1)
                                        ON CONFLICT (application_id, authority_id, month) DO UPDATE SET checks = pending_registry_check.checks + 1""")
                                .execute(Tuple.of(UUID.fromString(applicationId), authority, BillingMonth.of(at).firstDay())).replaceWithVoid());
    }

    /**
     * The two consumers (applications, cases) may meet at one application: a check held as pending while its service
     * is remembered concurrently would stay pending. So both take the application's lock for their transaction, and
     * each statement after it sees what the other committed.
     */
    private static Uni<Void> lock(SqlConnection connection, String applicationId) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))").execute(Tuple.of(applicationId)).replaceWithVoid();
    }

    /** Records a change of a staff account: whether it left the account active, and when. */
    Uni<Void> staffAccountChanged(SqlConnection connection, String changeId, String accountId, String authority, Instant at,
                                  boolean active) {
        return connection.preparedQuery("""
                        INSERT INTO staff_account_change (change_id, account_id, authority_id, changed_at, active) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (change_id) DO NOTHING""")
                .execute(Tuple.of(changeId, accountId, authority, at.atOffset(ZoneOffset.UTC), active)).replaceWithVoid();
    }
}

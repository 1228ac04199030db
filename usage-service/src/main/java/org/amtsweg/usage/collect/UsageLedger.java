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
import java.util.Optional;
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

    /** Remembers the service of an application, from the first event that names both. */
    Uni<Void> rememberService(SqlConnection connection, String applicationId, String authority, String service) {
        return connection.preparedQuery("""
                        INSERT INTO application_service (application_id, authority_id, service_key) VALUES ($1, $2, $3)
                        ON CONFLICT (application_id) DO NOTHING""")
                .execute(Tuple.of(UUID.fromString(applicationId), authority, service)).replaceWithVoid();
    }

    /** The service of an application some earlier event named. */
    Uni<Optional<String>> serviceOf(SqlConnection connection, String applicationId) {
        return connection.preparedQuery("SELECT service_key FROM application_service WHERE application_id = $1")
                .execute(Tuple.of(UUID.fromString(applicationId)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("service_key")));
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

package org.amtsweg.usage.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.amtsweg.usage.BillingMonth;

/** Reads a month's figures, for every authority: the allocation needs them all, whoever reads the report. */
@ApplicationScoped
public class UsageQueries {

    private final Pool pool;

    public UsageQueries(Pool pool) {
        this.pool = pool;
    }

    /** What was counted in a month, per authority and service, both sorted by id. */
    public record MonthUsage(Map<String, Map<String, Figures>> figures, Map<String, Long> activeStaffAccounts) {}

    public Uni<MonthUsage> month(BillingMonth month) {
        Uni<Map<String, Map<String, Figures>>> figures = pool.preparedQuery("""
                        SELECT authority_id, service_key, drafts_started, applications_submitted, cases_opened, registry_checks,
                            documents_stored, document_bytes_stored, documents_removed, document_bytes_removed
                        FROM monthly_usage WHERE month = $1""")
                .execute(Tuple.of(month.firstDay()))
                .map(rows -> {
                    Map<String, Map<String, Figures>> byAuthority = new TreeMap<>();
                    for (Row row : rows) {
                        byAuthority
                                .computeIfAbsent(row.getString("authority_id"), authority -> new TreeMap<>())
                                .put(row.getString("service_key"), figures(row));
                    }
                    return byAuthority;
                });
        // The latest change of each account before the month's end decides; a deleted or deactivated account does not
        // count.
        Uni<Map<String, Long>> staff = pool.preparedQuery("""
                        SELECT authority_id, count(*) AS active FROM (
                            SELECT DISTINCT ON (account_id) account_id, authority_id, active FROM staff_account_change
                            WHERE changed_at < $1 ORDER BY account_id, changed_at DESC, change_id DESC) latest
                        WHERE active GROUP BY authority_id""")
                .execute(Tuple.of(month.end().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, Long> byAuthority = new LinkedHashMap<>();
                    rows.forEach(row -> byAuthority.put(row.getString("authority_id"), row.getLong("active")));
                    return byAuthority;
                });
        return Uni.combine()
                .all()
                .unis(figures, staff)
                .asTuple()
                .map(both -> new MonthUsage(both.getItem1(), both.getItem2()));
    }

    private static Figures figures(Row row) {
        return new Figures(
                row.getLong("drafts_started"),
                row.getLong("applications_submitted"),
                row.getLong("cases_opened"),
                row.getLong("registry_checks"),
                row.getLong("documents_stored"),
                row.getLong("document_bytes_stored"),
                row.getLong("documents_removed"),
                row.getLong("document_bytes_removed"));
    }
}

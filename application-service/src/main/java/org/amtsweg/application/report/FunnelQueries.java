package org.amtsweg.application.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.amtsweg.application.IntakeConfig;

/** Reads the funnel table ({@code draft_funnel}, written by intake's {@code DraftFunnel}) for the report. */
@ApplicationScoped
public class FunnelQueries {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Pool pool;
    private final IntakeConfig config;

    public FunnelQueries(Pool pool, IntakeConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** The drafts started in the month, for one authority or (empty) all. */
    public Uni<FunnelReport> funnel(YearMonth month, Optional<String> authority) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime until = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        // Abandoned: deleted as expired, or untouched for longer than the retention and not yet swept (DraftExpiry's
        // rule).
        OffsetDateTime untouchedSince = OffsetDateTime.now(ZoneOffset.UTC).minus(config.draftRetention());
        return pool.preparedQuery("""
                        SELECT authority_id, service_key, furthest_step, max(furthest_step_title) AS title, count(*) AS started,
                            count(*) FILTER (WHERE saves > 0) AS saved,
                            count(*) FILTER (WHERE submitted_at IS NOT NULL) AS submitted,
                            count(*) FILTER (WHERE submitted_at IS NULL AND (abandoned_at IS NOT NULL OR last_active_at < $4)) AS abandoned
                        FROM draft_funnel
                        WHERE started_at >= $1 AND started_at < $2 AND ($3::text IS NULL OR authority_id = $3)
                        GROUP BY authority_id, service_key, furthest_step
                        ORDER BY authority_id, service_key, furthest_step""")
                .execute(Tuple.of(from, until, authority.orElse(null), untouchedSince))
                .map(rows -> {
                    Map<String, Map<String, List<Row>>> grouped = new TreeMap<>();
                    for (Row row : rows) {
                        grouped.computeIfAbsent(row.getString("authority_id"), a -> new TreeMap<>())
                                .computeIfAbsent(row.getString("service_key"), s -> new ArrayList<>())
                                .add(row);
                    }
                    List<FunnelReport.AuthorityFunnel> authorities = new ArrayList<>();
                    grouped.forEach((authorityId, services) -> {
                        List<FunnelReport.ServiceFunnel> funnels = new ArrayList<>();
                        services.forEach((service, steps) -> funnels.add(service(service, steps)));
                        authorities.add(new FunnelReport.AuthorityFunnel(authorityId, funnels));
                    });
                    return new FunnelReport(
                            month.toString(),
                            ZONE.getId(),
                            from.toInstant(),
                            until.toInstant(),
                            config.draftRetention().toString(),
                            authorities);
                });
    }

    /** One service's rows, one per furthest step, into the funnel with every step up to the furthest any draft got. */
    private static FunnelReport.ServiceFunnel service(String service, List<Row> rows) {
        int last = rows.get(rows.size() - 1).getInteger("furthest_step");
        long[] started = new long[last + 1];
        long[] abandoned = new long[last + 1];
        long[] open = new long[last + 1];
        String[] titles = new String[last + 1];
        long saved = 0;
        long submitted = 0;
        for (Row row : rows) {
            int step = row.getInteger("furthest_step");
            started[step] = row.getLong("started");
            abandoned[step] = row.getLong("abandoned");
            open[step] = started[step] - row.getLong("submitted") - abandoned[step];
            titles[step] = row.getString("title");
            saved += row.getLong("saved");
            submitted += row.getLong("submitted");
        }
        List<FunnelReport.Step> steps = new ArrayList<>();
        long reached = 0;
        for (int step = last; step >= 0; step--) {
            reached += started[step];
            steps.add(
                    0,
                    new FunnelReport.Step(
                            step,
                            step == 0 ? "Noch nichts eingegeben" : titles[step],
                            reached,
                            abandoned[step],
                            open[step]));
        }
        long all = Arrays.stream(started).sum();
        long abandonedAll = Arrays.stream(abandoned).sum();
        return new FunnelReport.ServiceFunnel(
                service, all, saved, submitted, abandonedAll, all - submitted - abandonedAll, steps);
    }
}

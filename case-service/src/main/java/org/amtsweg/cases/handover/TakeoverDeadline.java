package org.amtsweg.cases.handover;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.handover.push.DeliveryJobs;
import org.jboss.logging.Logger;

/**
 * Decided cases no procedure took over within the takeover period (FIT-Connect: 14 days) are flagged to the
 * operator: listed ({@code GET /handover/overdue}) and counted in the gauge {@code amtsweg_handover_overdue_cases},
 * beside {@code amtsweg_handover_deliveries{state}} (a FAILED count above zero is a dead letter to look at).
 */
@ApplicationScoped
public class TakeoverDeadline {

    private static final Logger LOG = Logger.getLogger(TakeoverDeadline.class);

    /** A decided case waiting longer than the period; {@code delivery} is its push delivery's state, if any. */
    public record Overdue(
            UUID caseId,
            String authority,
            String referenceNumber,
            String serviceKey,
            String decidedAt,
            String delivery) {}

    private final Pool pool;
    private final Duration period;
    private final AtomicLong overdue = new AtomicLong();
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();

    public TakeoverDeadline(Pool pool, CaseConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.period = config.handover().takeoverPeriod();
        // A restart within the same JVM (dev mode's live reload, test profiles) finds the former instance's gauges
        // still registered, reading that instance's counts; Micrometer would keep those and ignore these.
        registry.find("amtsweg.handover.overdue.cases").meters().forEach(registry::remove);
        registry.find("amtsweg.handover.deliveries").meters().forEach(registry::remove);
        Gauge.builder("amtsweg.handover.overdue.cases", overdue, AtomicLong::doubleValue)
                .description("Decided cases not taken over within the takeover period")
                .register(registry);
        for (String state : DeliveryJobs.STATES) {
            AtomicLong count = new AtomicLong();
            deliveries.put(state, count);
            Gauge.builder("amtsweg.handover.deliveries", count, AtomicLong::doubleValue)
                    .tag("state", state)
                    .description("Push deliveries by state (FAILED: dead letters)")
                    .register(registry);
        }
    }

    /** Overdue cases of one authority (or of all: null), longest waiting first. */
    public Uni<List<Overdue>> overdue(String authority, int limit) {
        return pool.preparedQuery("""
                        SELECT f.id, f.authority_id, f.reference_number, f.service_key, d.issued_at, h.state AS delivery
                        FROM case_file f JOIN decision d ON d.case_id = f.id LEFT JOIN handover_delivery h ON h.case_id = f.id
                        WHERE f.status = 'DECIDED' AND d.issued_at < now() - ($1 || ' milliseconds')::interval
                          AND ($2::text IS NULL OR f.authority_id = $2)
                        ORDER BY d.issued_at, f.id LIMIT $3""")
                .execute(Tuple.of(String.valueOf(period.toMillis()), authority, limit))
                .map(rows -> {
                    List<Overdue> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new Overdue(
                                row.getUUID("id"),
                                row.getString("authority_id"),
                                row.getString("reference_number"),
                                row.getString("service_key"),
                                row.getOffsetDateTime("issued_at").toString(),
                                row.getString("delivery")));
                    }
                    return list;
                });
    }

    @Scheduled(
            every = "${amtsweg.cases.handover.poll-interval:10s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.preparedQuery("""
                        SELECT count(*) AS n FROM case_file f JOIN decision d ON d.case_id = f.id
                        WHERE f.status = 'DECIDED' AND d.issued_at < now() - ($1 || ' milliseconds')::interval""")
                .execute(Tuple.of(String.valueOf(period.toMillis())))
                .invoke(rows -> overdue.set(rows.iterator().next().getLong("n")))
                .chain(() -> pool.query("SELECT state, count(*) AS n FROM handover_delivery GROUP BY state")
                        .execute())
                .invoke(rows -> {
                    deliveries.values().forEach(count -> count.set(0));
                    for (Row row : rows) {
                        deliveries.get(row.getString("state")).set(row.getLong("n"));
                    }
                })
                .replaceWithVoid()
                .onFailure()
                .invoke(failure -> LOG.warn("handover gauges not refreshed", failure))
                .onFailure()
                .recoverWithNull();
    }
}

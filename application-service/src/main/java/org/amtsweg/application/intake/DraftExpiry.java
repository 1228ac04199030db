package org.amtsweg.application.intake;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.amtsweg.application.IntakeConfig;
import org.jboss.logging.Logger;

/**
 * Deletes drafts nobody touched for the retention period (default 30 days): data minimisation, and
 * the "abandoned" stage of the funnel. Submitted applications are never touched.
 */
@ApplicationScoped
public class DraftExpiry {

    private static final Logger LOG = Logger.getLogger(DraftExpiry.class);

    private final Pool pool;
    private final Funnel funnel;
    private final Duration retention;

    public DraftExpiry(Pool pool, Funnel funnel, IntakeConfig config) {
        this.pool = pool;
        this.funnel = funnel;
        this.retention = config.draftRetention();
    }

    @Scheduled(
            cron = "${amtsweg.intake.draft-expiry-cron:0 17 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return expire().replaceWithVoid();
    }

    /** Deletes the expired drafts now; returns how many. */
    public Uni<Integer> expire() {
        // The funnel keeps the deleted draft as abandoned, in the same statement.
        return pool.preparedQuery("WITH expired AS (DELETE FROM application WHERE status = 'DRAFT' AND updated_at < $1"
                        + " RETURNING id, authority_id, service_key),\n" + DraftFunnel.ABANDONED
                        + "\nSELECT authority_id, service_key FROM expired")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(retention)))
                .map(rows -> {
                    for (Row row : rows) {
                        funnel.abandoned(row.getString("authority_id"), row.getString("service_key"));
                    }
                    if (rows.rowCount() > 0) {
                        LOG.infof("%d drafts untouched for %s deleted", rows.rowCount(), retention);
                    }
                    return rows.rowCount();
                });
    }
}

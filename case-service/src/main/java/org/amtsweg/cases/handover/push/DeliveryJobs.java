package org.amtsweg.cases.handover.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The push deliveries (table {@code handover_delivery}): one per decided case of an authority registered for
 * push, written in the transaction of the decision, so that a crash or restart loses none; claimed by one
 * instance at a time (a lease), retried with back-off, and finally delivered or failed (the dead letter).
 */
@ApplicationScoped
public class DeliveryJobs {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String REJECTED = "REJECTED";
    public static final List<String> STATES = List.of(PENDING, DELIVERED, FAILED, REJECTED);

    /** A delivery as the operator sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(
            UUID caseId,
            String authority,
            String state,
            int attempts,
            String createdAt,
            String nextAttemptAt,
            String lastAttemptAt,
            String lastError,
            String deliveredAt) {}

    /** A claimed delivery: {@code attempts} counts this one. */
    record Claimed(UUID caseId, String authority, int attempts, OffsetDateTime createdAt) {}

    private final Pool pool;

    public DeliveryJobs(Pool pool) {
        this.pool = pool;
    }

    /** In the decision's transaction: a delivery if the case's authority takes cases over by push. */
    public Uni<Void> scheduleIfPush(SqlClient client, UUID caseId, String authority, OffsetDateTime decidedAt) {
        return client.preparedQuery("""
                        INSERT INTO handover_delivery (case_id, authority_id, state, created_at, next_attempt_at)
                        SELECT $1, authority_id, 'PENDING', $2, $2 FROM handover_registration WHERE authority_id = $3 AND mode = 'push'
                        ON CONFLICT (case_id) DO NOTHING""")
                .execute(Tuple.of(caseId, decidedAt, authority))
                .replaceWithVoid();
    }

    /** The procedure rejected the case: its delivery (if any) shows it to the operator, with the reason. */
    public Uni<Void> rejected(SqlClient client, UUID caseId, String reason) {
        return client.preparedQuery(
                        "UPDATE handover_delivery SET state = 'REJECTED', last_error = $2 WHERE case_id = $1")
                .execute(Tuple.of(caseId, reason))
                .replaceWithVoid();
    }

    /**
     * Claims due deliveries: each is leased (its next attempt moved past the lease) so that no other instance
     * sends it meanwhile; if this instance dies mid-delivery, the lease runs out and it is sent again.
     */
    Uni<List<Claimed>> claim(int limit, Duration lease) {
        return pool.preparedQuery("""
                        UPDATE handover_delivery SET attempts = attempts + 1, last_attempt_at = now(),
                            next_attempt_at = now() + ($2 || ' milliseconds')::interval
                        WHERE case_id IN (SELECT case_id FROM handover_delivery WHERE state = 'PENDING' AND next_attempt_at <= now()
                                          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                        RETURNING case_id, authority_id, attempts, created_at""")
                .execute(Tuple.of(limit, String.valueOf(lease.toMillis())))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(
                                row.getUUID("case_id"),
                                row.getString("authority_id"),
                                row.getInteger("attempts"),
                                row.getOffsetDateTime("created_at")));
                    }
                    return claimed;
                });
    }

    Uni<Void> delivered(SqlClient client, UUID caseId) {
        return client.preparedQuery("""
                        UPDATE handover_delivery SET state = 'DELIVERED', delivered_at = now(), last_error = NULL WHERE case_id = $1 AND state = 'PENDING'""").execute(Tuple.of(caseId)).replaceWithVoid();
    }

    Uni<Void> retryLater(UUID caseId, Duration wait, String error) {
        return pool.preparedQuery("""
                        UPDATE handover_delivery SET next_attempt_at = now() + ($2 || ' milliseconds')::interval, last_error = $3
                        WHERE case_id = $1 AND state = 'PENDING'""")
                .execute(Tuple.of(caseId, String.valueOf(wait.toMillis()), error))
                .replaceWithVoid();
    }

    Uni<Void> failed(SqlClient client, UUID caseId, String error) {
        return client.preparedQuery(
                        "UPDATE handover_delivery SET state = 'FAILED', last_error = $2 WHERE case_id = $1 AND state = 'PENDING'")
                .execute(Tuple.of(caseId, error))
                .replaceWithVoid();
    }

    /** Deliveries in a state, of one authority (or of all: {@code authority} null), oldest first. */
    public Uni<List<Delivery>> list(String state, String authority, int limit) {
        return pool.preparedQuery("""
                        SELECT case_id, authority_id, state, attempts, created_at, next_attempt_at, last_attempt_at, last_error, delivered_at
                        FROM handover_delivery WHERE state = $1 AND ($2::text IS NULL OR authority_id = $2)
                        ORDER BY created_at, case_id LIMIT $3""")
                .execute(Tuple.of(state, authority, limit))
                .map(DeliveryJobs::deliveries);
    }

    private static List<Delivery> deliveries(RowSet<Row> rows) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Row row : rows) {
            deliveries.add(new Delivery(
                    row.getUUID("case_id"),
                    row.getString("authority_id"),
                    row.getString("state"),
                    row.getInteger("attempts"),
                    text(row.getOffsetDateTime("created_at")),
                    "PENDING".equals(row.getString("state")) ? text(row.getOffsetDateTime("next_attempt_at")) : null,
                    text(row.getOffsetDateTime("last_attempt_at")),
                    row.getString("last_error"),
                    text(row.getOffsetDateTime("delivered_at"))));
        }
        return deliveries;
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }
}

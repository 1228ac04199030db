package org.amtsweg.cases.handover.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The signed event log of each case's handover (table {@code handover_event}). */
@ApplicationScoped
public class HandoverEventLog {

    /** One entry: {@code token} is the SET exactly as signed (compact JWS), the proof. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String event, String issuer, String jti, String reason, String recordedAt, String token) {}

    private final Pool pool;

    public HandoverEventLog(Pool pool) {
        this.pool = pool;
    }

    /** Records a SET; false if one of that issuer with that {@code jti} is already there (a replay). */
    public Uni<Boolean> record(
            SqlConnection connection,
            UUID caseId,
            String issuer,
            String jti,
            String eventUri,
            String reason,
            String token) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("caseId", caseId);
        entry.put("issuer", issuer);
        entry.put("jti", jti);
        entry.put("event", HandoverEvents.shortName(eventUri));
        entry.put("reason", reason);
        entry.put("token", token);
        entry.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC));
        return SqlTemplate.forUpdate(connection, """
                        INSERT INTO handover_event (case_id, issuer, jti, event, reason, token, recorded_at)
                        VALUES (#{caseId}, #{issuer}, #{jti}, #{event}, #{reason}, #{token}, #{recordedAt})
                        ON CONFLICT (issuer, jti) DO NOTHING""").execute(entry).map(result -> result.rowCount() == 1);
    }

    public Uni<List<Entry>> of(UUID caseId) {
        return pool.preparedQuery(
                        "SELECT event, issuer, jti, reason, recorded_at, token FROM handover_event WHERE case_id = $1 ORDER BY seq")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(
                                row.getString("event"),
                                row.getString("issuer"),
                                row.getString("jti"),
                                row.getString("reason"),
                                row.getOffsetDateTime("recorded_at").toString(),
                                row.getString("token")));
                    }
                    return entries;
                });
    }
}

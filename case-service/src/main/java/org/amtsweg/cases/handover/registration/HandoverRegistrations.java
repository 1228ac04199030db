package org.amtsweg.cases.handover.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.security.Administrator;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.messaging.audit.AuditTrail;
import org.amtsweg.messaging.outbox.OutboxRelay;

/**
 * The handover registrations (table {@code handover_registration}): read, and changed by administrators, each
 * change audited as an {@link AdministrativeChange} written to the outbox in the change's own transaction.
 */
@ApplicationScoped
public class HandoverRegistrations {

    static final String ENTITY = "handover";

    private final Pool pool;
    private final AuditTrail audit;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final CaseConfig config;

    public HandoverRegistrations(
            Pool pool, AuditTrail audit, OutboxRelay relay, ObjectMapper mapper, CaseConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.relay = relay;
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<Optional<HandoverRegistration>> find(String authority) {
        return find(pool, authority, "");
    }

    /** Registers (or changes) how the authority's procedure takes cases over; answers whether it was new. */
    public Uni<Boolean> register(Administrator admin, String authority, RegistrationInput input) {
        RegistrationInput.Checked checked = input.check(config.handover().allowHttpEndpoints());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        HandoverRegistration after = new HandoverRegistration(
                authority,
                checked.mode(),
                checked.endpoint(),
                checked.encryptionKey() == null ? null : checked.encryptionKey().toJSONObject(),
                checked.signingKey() == null ? null : checked.signingKey().toJSONObject(),
                now.toString(),
                admin.username());
        Map<String, Object> registration = new HashMap<>();
        registration.put("authority", authority);
        registration.put("mode", after.mode());
        registration.put("endpoint", after.endpoint());
        registration.put("encryptionKey", json(after.encryptionKey()));
        registration.put("signingKey", json(after.signingKey()));
        registration.put("updatedAt", now);
        registration.put("updatedBy", admin.username());
        return pool.withTransaction(connection -> find(connection, authority, " FOR UPDATE")
                        .chain(before -> SqlTemplate.forUpdate(connection, REGISTER)
                                .execute(registration)
                                .chain(() -> audit.record(
                                        connection,
                                        ENTITY,
                                        authority,
                                        authority,
                                        before.isEmpty() ? "created" : "updated",
                                        admin.username(),
                                        now.toInstant(),
                                        before.map(this::tree).orElse(null),
                                        tree(after)))
                                .map(ignored -> before.isEmpty())))
                .invoke(relay::nudge);
    }

    private static final String REGISTER = """
            INSERT INTO handover_registration (authority_id, mode, endpoint, encryption_key, signing_key, updated_at,
                updated_by)
            VALUES (#{authority}, #{mode}, #{endpoint}, #{encryptionKey}, #{signingKey}, #{updatedAt}, #{updatedBy})
            ON CONFLICT (authority_id) DO UPDATE SET mode = excluded.mode, endpoint = excluded.endpoint,
                encryption_key = excluded.encryption_key, signing_key = excluded.signing_key,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by""";

    private Uni<Optional<HandoverRegistration>> find(SqlClient client, String authority, String lock) {
        return client.preparedQuery("""
                        SELECT authority_id, mode, endpoint, encryption_key, signing_key, updated_at, updated_by
                        FROM handover_registration WHERE authority_id = $1""" + lock)
                .execute(Tuple.of(authority))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(registration(rows.iterator().next())));
    }

    private static HandoverRegistration registration(Row row) {
        return new HandoverRegistration(
                row.getString("authority_id"),
                row.getString("mode"),
                row.getString("endpoint"),
                map(row.getJsonObject("encryption_key")),
                map(row.getJsonObject("signing_key")),
                row.getOffsetDateTime("updated_at").toString(),
                row.getString("updated_by"));
    }

    private static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }

    private static JsonObject json(Map<String, Object> map) {
        return map == null ? null : new JsonObject(map);
    }

    private JsonNode tree(HandoverRegistration registration) {
        return mapper.valueToTree(registration);
    }
}

package org.amtsweg.identity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.amtsweg.messaging.audit.AuditTrail;
import org.amtsweg.messaging.outbox.OutboxRelay;

/**
 * The audit trail of the gateway's administration: an {@code AdministrativeChange} in the outbox, in the
 * transaction of the change itself, so that a change that commits is recorded and one that does not is not.
 */
@ApplicationScoped
public class AdministrativeChanges {

    public static final String STAFF_ACCOUNT = "staff-account";
    public static final String PROCEDURE_CLIENT = "procedure-client";

    private final AuditTrail trail;
    private final OutboxRelay relay;

    public AdministrativeChanges(AuditTrail trail, OutboxRelay relay) {
        this.trail = trail;
        this.relay = relay;
    }

    /** @param before the entity as its administration API shows it, without secrets; null before a creation */
    public Uni<Void> record(
            SqlConnection connection,
            String entity,
            String entityId,
            String authority,
            String action,
            String actor,
            JsonNode before,
            JsonNode after) {
        return trail.record(connection, entity, entityId, authority, action, actor, Instant.now(), before, after)
                .replaceWithVoid();
    }

    /** After the transaction committed: publish now rather than at the next sweep. */
    public void committed() {
        relay.nudge();
    }
}

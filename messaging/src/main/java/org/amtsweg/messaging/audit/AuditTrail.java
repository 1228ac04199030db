package org.amtsweg.messaging.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.MessagingConfig;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxEvent;
import org.amtsweg.messaging.outbox.OutboxRelay;

/**
 * The platform's audit trail of administration: an {@code AdministrativeChange} in the outbox, inside the
 * transaction of the change itself, so that a change that commits is recorded and one that does not is not.
 * The owning service is this service (the last segment of its CloudEvents {@code source}); what counts as an
 * entity and what its {@code before}/{@code after} show is the calling service's business. Callers nudge the
 * relay after their commit as for any outbox row.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.CHANNEL_CONNECTOR, stringValue = OutboxRelay.CONNECTOR)
public class AuditTrail {

    private final Outbox outbox;
    private final String service;

    public AuditTrail(Outbox outbox, MessagingConfig config) {
        this.outbox = outbox;
        String source = config.source().toString();
        this.service = source.substring(source.lastIndexOf(':') + 1);
    }

    /**
     * @param before the entity as its administration API shows it, never secrets; null before a creation
     * @param after  likewise; null after a deletion
     * @return the change's id (also its CloudEvent id)
     */
    public Uni<UUID> record(
            SqlConnection connection,
            String entity,
            String entityId,
            String authority,
            String action,
            String actor,
            Instant at,
            JsonNode before,
            JsonNode after) {
        UUID changeId = UUID.randomUUID();
        AdministrativeChange change = new AdministrativeChange(
                changeId.toString(), service, entity, entityId, authority, action, actor, at, before, after);
        // The change's id is the outbox row's, so the CloudEvent id a follower sees is the changeId it reads.
        OutboxEvent row = new OutboxEvent(
                changeId,
                Topics.ADMINISTRATION,
                entityId,
                AdministrativeChange.TYPE,
                changeId.toString(),
                outbox.json(change),
                OffsetDateTime.now(ZoneOffset.UTC));
        return outbox.append(connection, row).replaceWith(changeId);
    }
}

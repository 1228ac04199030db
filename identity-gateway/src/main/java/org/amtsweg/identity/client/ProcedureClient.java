package org.amtsweg.identity.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** A specialist-procedure client registered through {@code /admin/clients} (its secret only as a hash). */
public record ProcedureClient(
        String clientId,
        String authority,
        Instant created,
        String createdBy,
        Instant lastModified,
        Instant disabledAt,
        long version) {

    static ProcedureClient of(Row row) {
        return new ProcedureClient(
                row.getString("client_id"),
                row.getString("authority"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getString("created_by"),
                row.getOffsetDateTime("last_modified").toInstant(),
                row.getOffsetDateTime("disabled_at") == null
                        ? null
                        : row.getOffsetDateTime("disabled_at").toInstant(),
                row.getLong("version"));
    }

    public boolean active() {
        return disabledAt == null;
    }

    /** As the administration API and the audit trail show it: never the secret. */
    public ObjectNode view(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("clientId", clientId);
        node.put("authority", authority);
        ProcedureClientSettings.GRANTS.forEach(node.putArray("grants")::add);
        ProcedureClientSettings.SCOPES.forEach(node.putArray("scopes")::add);
        ProcedureClientSettings.AUDIENCES.forEach(node.putArray("audiences")::add);
        ProcedureClientSettings.ROLES.forEach(node.putArray("roles")::add);
        node.put("active", active());
        node.put("created", created.toString());
        node.put("createdBy", createdBy);
        node.put("lastModified", lastModified.toString());
        if (disabledAt != null) {
            node.put("disabledAt", disabledAt.toString());
        }
        node.put("version", version);
        return node;
    }
}

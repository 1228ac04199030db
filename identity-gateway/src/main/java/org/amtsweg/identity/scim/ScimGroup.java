package org.amtsweg.identity.scim;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** A group of staff: one role within one authority, shown as {@code authority/role} (e.g. {@code stadt-witten/clerk}). */
public record ScimGroup(UUID id, String authority, String role, Instant created, Instant lastModified, long version) {

    static ScimGroup of(Row row) {
        return new ScimGroup(
                row.getUUID("id"),
                row.getString("authority"),
                row.getString("role"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("last_modified").toInstant(),
                row.getLong("version"));
    }

    public String displayName() {
        return authority + "/" + role;
    }

    public String etag() {
        return "W/\"" + version + "\"";
    }
}

package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A staff account as the SCIM provider reads it from {@code staff_account}. */
public record ScimUser(
        UUID id,
        String userName,
        String externalId,
        String givenName,
        String familyName,
        String displayName,
        String email,
        boolean active,
        String authority,
        List<String> roles,
        Instant created,
        Instant lastModified,
        long version) {

    public static final String COLUMNS =
            "id, username, external_id, given_name, family_name, display_name, email, active, authority, roles, "
                    + "created_at, last_modified, version";

    static ScimUser of(Row row) {
        return new ScimUser(
                row.getUUID("id"),
                row.getString("username"),
                row.getString("external_id"),
                row.getString("given_name"),
                row.getString("family_name"),
                row.getString("display_name"),
                row.getString("email"),
                row.getBoolean("active"),
                row.getString("authority"),
                roles(row.getString("roles")),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("last_modified").toInstant(),
                row.getLong("version"));
    }

    static List<String> roles(String column) {
        return column == null
                ? List.of()
                : Arrays.stream(column.split(","))
                        .map(String::trim)
                        .filter(role -> !role.isEmpty())
                        .toList();
    }

    public String etag() {
        return "W/\"" + version + "\"";
    }

    /**
     * The account as the audit trail ({@code AdministrativeChange}) shows it: the SCIM attributes an operator
     * follows, the authority, and {@code groups} as the role names (what the usage report counts); never a password.
     */
    public ObjectNode auditView() {
        ObjectNode view = ScimMediaType.mapper().createObjectNode();
        view.put("id", id.toString());
        view.put("userName", userName);
        view.put("displayName", displayName);
        if (externalId != null) {
            view.put("externalId", externalId);
        }
        if (email != null) {
            view.put("email", email);
        }
        view.put("active", active);
        view.put("authority", authority);
        roles.forEach(view.putArray("groups")::add);
        if (roles.isEmpty()) {
            view.putArray("groups");
        }
        return view;
    }
}

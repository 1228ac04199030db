package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.amtsweg.identity.audit.AdministrativeChanges;

/**
 * SCIM's {@code /Groups}: one group per role per authority. Joining or leaving a group changes the member's
 * roles (the {@code roles} of her next tokens), audited as a change of her account.
 */
@ApplicationScoped
public class StaffGroups {

    /** The roles an authority's own identity management may hand out; {@code admin} (platform administration) only the operator. */
    public static final List<String> AUTHORITY_ROLES = List.of("clerk", "supervisor");

    public static final List<String> PLATFORM_ROLES = List.of("clerk", "supervisor", "admin");

    private final Pool pool;
    private final ScimRepresentations representations;
    private final AdministrativeChanges audit;
    private final StaffAccounts accounts;

    public StaffGroups(
            Pool pool, ScimRepresentations representations, AdministrativeChanges audit, StaffAccounts accounts) {
        this.pool = pool;
        this.representations = representations;
        this.audit = audit;
        this.accounts = accounts;
    }

    public Uni<List<ObjectNode>> all(AdministeringClient caller) {
        return pool.preparedQuery(
                        "SELECT * FROM staff_group WHERE $1::text IS NULL OR authority = $1 ORDER BY authority, role")
                .execute(Tuple.of(caller.authority().orElse(null)))
                .chain(rows -> {
                    List<ScimGroup> groups = new ArrayList<>();
                    rows.forEach(row -> groups.add(ScimGroup.of(row)));
                    return membersOfAll(pool, caller)
                            .map(members -> groups.stream()
                                    .map(group -> representations.group(
                                            group,
                                            members.stream()
                                                    .filter(user -> user.authority()
                                                                    .equals(group.authority())
                                                            && user.roles().contains(group.role()))
                                                    .toList()))
                                    .toList());
                });
    }

    public Uni<ScimResource> one(AdministeringClient caller, String id) {
        UUID uuid = ScimRepresentations.parseId(id, "Group " + id);
        return find(pool, caller, uuid, false).chain(group -> show(pool, group));
    }

    public Uni<ScimResource> create(AdministeringClient caller, JsonNode body) {
        String[] name = displayName(body);
        String authority = name[0];
        String role = name[1];
        if (!caller.manages(authority)) {
            throw ScimError.invalidValue(
                    "this client manages the groups of " + caller.authority().orElseThrow() + " only");
        }
        List<String> roles = caller.platformWide() ? PLATFORM_ROLES : AUTHORITY_ROLES;
        if (!roles.contains(role)) {
            throw ScimError.invalidValue("the role must be one of " + String.join(", ", roles));
        }
        return pool.withTransaction(connection -> connection
                        .preparedQuery("INSERT INTO staff_group (authority, role) VALUES ($1, $2) RETURNING *")
                        .execute(Tuple.of(authority, role))
                        .onFailure(StaffAccounts::duplicate)
                        .transform(failure -> ScimError.uniqueness("the group " + authority + "/" + role + " exists"))
                        .map(rows -> ScimGroup.of(rows.iterator().next()))
                        .chain(group -> setMembers(connection, caller, group, List.of(), memberIds(body)))
                        .chain(group -> show(connection, group)))
                .invoke(audit::committed);
    }

    public Uni<ScimResource> change(
            AdministeringClient caller, String id, String ifMatch, UnaryOperator<ObjectNode> change) {
        UUID uuid = ScimRepresentations.parseId(id, "Group " + id);
        return pool.withTransaction(connection -> find(connection, caller, uuid, true)
                        .chain(group -> {
                            ScimQueries.requireMatch(ifMatch, group.etag());
                            return members(connection, group)
                                    .chain(current -> {
                                        ObjectNode wanted = change.apply(representations.group(group, current));
                                        String[] name = displayName(wanted);
                                        if (!(name[0] + "/" + name[1]).equals(group.displayName())) {
                                            throw ScimError.mutability(
                                                    "displayName names the group's authority and role and cannot be changed");
                                        }
                                        return setMembers(connection, caller, group, current, memberIds(wanted));
                                    })
                                    .chain(changed -> show(connection, changed));
                        }))
                .invoke(audit::committed);
    }

    public Uni<Void> delete(AdministeringClient caller, String id, String ifMatch) {
        UUID uuid = ScimRepresentations.parseId(id, "Group " + id);
        return pool.withTransaction(connection -> find(connection, caller, uuid, true)
                        .chain(group -> {
                            ScimQueries.requireMatch(ifMatch, group.etag());
                            return members(connection, group)
                                    .chain(current ->
                                            setMembers(connection, caller, group, current, new LinkedHashSet<>()))
                                    .chain(() -> connection
                                            .preparedQuery("DELETE FROM staff_group WHERE id = $1")
                                            .execute(Tuple.of(uuid)))
                                    .replaceWithVoid();
                        }))
                .invoke(audit::committed);
    }

    /** Makes the members exactly {@code wanted}: each who joins or leaves gets the role added or taken, audited. */
    private Uni<ScimGroup> setMembers(
            SqlConnection connection,
            AdministeringClient caller,
            ScimGroup group,
            List<ScimUser> current,
            Set<UUID> wanted) {
        Set<UUID> present = new LinkedHashSet<>();
        current.forEach(user -> present.add(user.id()));
        List<UUID> joining = wanted.stream().filter(id -> !present.contains(id)).toList();
        List<ScimUser> leaving =
                current.stream().filter(user -> !wanted.contains(user.id())).toList();
        if (joining.isEmpty() && leaving.isEmpty()) {
            return Uni.createFrom().item(group);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : joining) {
            chain = chain.chain(() -> accounts.find(connection, caller, id, true)
                    .onFailure(ScimError.class)
                    .transform(missing -> ScimError.invalidValue("member " + id + " is not a known account"))
                    .chain(user -> {
                        if (!user.authority().equals(group.authority())) {
                            throw ScimError.invalidValue("member " + user.userName()
                                    + " works for another authority than " + group.authority());
                        }
                        List<String> roles = new ArrayList<>(user.roles());
                        roles.add(group.role());
                        return setRoles(connection, caller, user, roles);
                    }));
        }
        for (ScimUser user : leaving) {
            chain = chain.chain(() -> accounts.find(connection, caller, user.id(), true)
                    .chain(locked -> setRoles(
                            connection,
                            caller,
                            locked,
                            locked.roles().stream()
                                    .filter(role -> !role.equals(group.role()))
                                    .toList())));
        }
        return chain.chain(() -> connection
                        .preparedQuery(
                                "UPDATE staff_group SET version = version + 1, last_modified = now() WHERE id = $1 RETURNING *")
                        .execute(Tuple.of(group.id())))
                .map(rows -> ScimGroup.of(rows.iterator().next()));
    }

    private Uni<Void> setRoles(
            SqlConnection connection, AdministeringClient caller, ScimUser before, List<String> roles) {
        return connection
                .preparedQuery(
                        "UPDATE staff_account SET roles = $2, version = version + 1, last_modified = now() WHERE id = $1 RETURNING "
                                + ScimUser.COLUMNS)
                .execute(Tuple.of(before.id(), String.join(",", roles)))
                .map(rows -> ScimUser.of(rows.iterator().next()))
                .chain(after -> accounts.afterChange(connection, caller, before, after));
    }

    private Uni<ScimGroup> find(SqlClient client, AdministeringClient caller, UUID id, boolean forUpdate) {
        return client.preparedQuery("SELECT * FROM staff_group WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> {
                    ScimGroup group = rows.size() == 0
                            ? null
                            : ScimGroup.of(rows.iterator().next());
                    if (group == null || !caller.manages(group.authority())) {
                        throw ScimError.notFound("Group " + id);
                    }
                    return group;
                });
    }

    private Uni<ScimResource> show(SqlClient client, ScimGroup group) {
        return members(client, group)
                .map(members -> new ScimResource(representations.group(group, members), group.etag()));
    }

    private static Uni<List<ScimUser>> members(SqlClient client, ScimGroup group) {
        return client.preparedQuery("SELECT " + ScimUser.COLUMNS
                        + " FROM staff_account WHERE authority = $1 AND $2 = ANY(string_to_array(roles, ','))"
                        + " ORDER BY lower(username)")
                .execute(Tuple.of(group.authority(), group.role()))
                .map(rows -> {
                    List<ScimUser> users = new ArrayList<>();
                    rows.forEach(row -> users.add(ScimUser.of(row)));
                    return users;
                });
    }

    private static Uni<List<ScimUser>> membersOfAll(SqlClient client, AdministeringClient caller) {
        return client.preparedQuery("SELECT " + ScimUser.COLUMNS
                        + " FROM staff_account WHERE ($1::text IS NULL OR authority = $1) AND roles <> ''"
                        + " ORDER BY lower(username)")
                .execute(Tuple.of(caller.authority().orElse(null)))
                .map(rows -> {
                    List<ScimUser> users = new ArrayList<>();
                    rows.forEach(row -> users.add(ScimUser.of(row)));
                    return users;
                });
    }

    private static String[] displayName(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimError.invalidSyntax("the request body must be a JSON object");
        }
        if (!UserInput.contains(body.path("schemas"), ScimMediaType.GROUP)) {
            throw ScimError.invalidSyntax("schemas must contain " + ScimMediaType.GROUP);
        }
        String displayName = body.path("displayName").asText("");
        if (!displayName.matches("[a-z0-9][a-z0-9-]{1,63}/[a-z]{2,32}")) {
            throw ScimError.invalidValue("displayName must be authority/role, e.g. stadt-witten/clerk");
        }
        return displayName.split("/");
    }

    private static Set<UUID> memberIds(JsonNode body) {
        Set<UUID> ids = new LinkedHashSet<>();
        JsonNode members = body.path("members");
        if (members.isMissingNode() || members.isNull()) {
            return ids;
        }
        if (!members.isArray()) {
            throw ScimError.invalidValue("members must be an array");
        }
        for (JsonNode member : members) {
            try {
                ids.add(UUID.fromString(member.path("value").asText()));
            } catch (IllegalArgumentException e) {
                throw ScimError.invalidValue("members.value must be the id of a User");
            }
        }
        return ids;
    }
}

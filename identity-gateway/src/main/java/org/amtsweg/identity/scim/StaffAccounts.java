package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.audit.AdministrativeChanges;
import org.amtsweg.identity.token.OpaqueTokens;
import org.amtsweg.identity.token.TokenStore;

/**
 * The staff accounts behind SCIM's {@code /Users}: created, replaced, patched, deactivated and deleted,
 * each in one transaction with its audit record, and — where an account stops being active — with the end
 * of her sessions and the revocation of her tokens, so that nothing she holds outlives her deactivation.
 */
@ApplicationScoped
public class StaffAccounts {

    private final Pool pool;
    private final Vertx vertx;
    private final IdentityConfig config;
    private final ScimRepresentations representations;
    private final AdministrativeChanges audit;
    private final TokenStore tokens;

    public StaffAccounts(
            Pool pool,
            Vertx vertx,
            IdentityConfig config,
            ScimRepresentations representations,
            AdministrativeChanges audit,
            TokenStore tokens) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.representations = representations;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** A created account, and the activation link when it was created without password. */
    public record Created(
            ObjectNode representation,
            String etag,
            Optional<String> activationUrl,
            Optional<Instant> activationExpires) {}

    public Uni<List<ObjectNode>> all(AdministeringClient caller) {
        String sql = "SELECT " + ScimUser.COLUMNS
                + " FROM staff_account WHERE $1::text IS NULL OR authority = $1 ORDER BY lower(username)";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(caller.authority().orElse(null)))
                .chain(rows -> {
                    List<ScimUser> users = new ArrayList<>();
                    rows.forEach(row -> users.add(ScimUser.of(row)));
                    return groupsByAuthority(pool, caller.authority())
                            .map(groups -> users.stream()
                                    .map(user ->
                                            representations.user(user, groups.getOrDefault(user.authority(), Map.of())))
                                    .toList());
                });
    }

    public Uni<ScimResource> one(AdministeringClient caller, String id) {
        UUID uuid = ScimRepresentations.parseId(id, "User " + id);
        return find(pool, caller, uuid, false).chain(user -> show(pool, user));
    }

    public Uni<Created> create(AdministeringClient caller, JsonNode body) {
        UserInput input = UserInput.from(body, caller);
        String activationToken = input.password() == null ? OpaqueTokens.random() : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(config.activationLinkLifetime());
        return hash(input.password())
                .chain(hash -> pool.withTransaction(connection -> SqlTemplate.forQuery(connection, INSERT_ACCOUNT)
                        .execute(accountValues(
                                input,
                                hash,
                                Map.of("userName", input.userName(), "authority", input.authority(), "at", now)))
                        .onFailure(StaffAccounts::duplicate)
                        .transform(
                                failure -> ScimError.uniqueness("userName " + input.userName() + " is already taken"))
                        .map(rows -> ScimUser.of(rows.iterator().next()))
                        .call(user -> activationToken == null
                                ? Uni.createFrom().voidItem()
                                : connection
                                        .preparedQuery(
                                                "INSERT INTO staff_activation (token_hash, username, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                                        .execute(Tuple.of(
                                                OpaqueTokens.sha256Hex(activationToken),
                                                user.userName(),
                                                now,
                                                expires)))
                        .call(user -> audit.record(
                                connection,
                                AdministrativeChanges.STAFF_ACCOUNT,
                                user.id().toString(),
                                user.authority(),
                                "created",
                                caller.clientId(),
                                null,
                                user.auditView()))
                        .chain(user -> show(connection, user))))
                .invoke(audit::committed)
                .map(shown -> {
                    Optional<String> url = Optional.ofNullable(activationToken)
                            .map(token -> config.issuer() + "/activate?token=" + token);
                    url.ifPresent(link -> shown.representation()
                            .putObject(ScimMediaType.ACTIVATION)
                            .put("activationUrl", link)
                            .put("expiresAt", expires.toInstant().toString()));
                    if (url.isPresent()) {
                        shown.representation().withArray("schemas").add(ScimMediaType.ACTIVATION);
                    }
                    return new Created(shown.representation(), shown.etag(), url, url.map(link -> expires.toInstant()));
                });
    }

    /**
     * PUT and PATCH: the change turns the current representation into the wanted one, which is then taken
     * like a PUT body. {@code userName} and the authority are immutable; a password in it is set (hashed).
     */
    public Uni<ScimResource> change(
            AdministeringClient caller, String id, String ifMatch, UnaryOperator<ObjectNode> change) {
        UUID uuid = ScimRepresentations.parseId(id, "User " + id);
        return pool.withTransaction(connection -> find(connection, caller, uuid, true)
                        .chain(before -> {
                            ScimQueries.requireMatch(ifMatch, before.etag());
                            return groupsOf(connection, before.authority()).chain(groups -> {
                                UserInput input =
                                        UserInput.from(change.apply(representations.user(before, groups)), caller);
                                if (!input.userName().equalsIgnoreCase(before.userName())) {
                                    throw ScimError.mutability(
                                            "userName cannot be changed; create a new account instead");
                                }
                                if (!input.authority().equals(before.authority())) {
                                    throw ScimError.mutability(
                                            "the authority (organization) of an account cannot be changed");
                                }
                                return hash(input.password())
                                        .chain(hash -> SqlTemplate.forQuery(connection, UPDATE_ACCOUNT)
                                                .execute(accountValues(input, hash, Map.of("id", uuid))))
                                        .map(rows -> ScimUser.of(rows.iterator().next()))
                                        .call(after -> afterChange(connection, caller, before, after))
                                        .map(after ->
                                                new ScimResource(representations.user(after, groups), after.etag()));
                            });
                        }))
                .invoke(() -> {
                    audit.committed();
                    tokens.revocationsCommitted();
                });
    }

    private static final String INSERT_ACCOUNT = """
            INSERT INTO staff_account (username, display_name, password_hash, authority, roles, created_at, external_id, given_name,
                                       family_name, email, active, last_modified)
            VALUES (#{userName}, #{displayName}, #{passwordHash}, #{authority}, '', #{at}, #{externalId}, #{givenName},
                    #{familyName}, #{email}, #{active}, #{at}) RETURNING\s""" + ScimUser.COLUMNS;

    private static final String UPDATE_ACCOUNT = """
            UPDATE staff_account SET display_name = #{displayName}, external_id = #{externalId}, given_name = #{givenName},
                   family_name = #{familyName}, email = #{email}, active = #{active}, password_hash = coalesce(#{passwordHash}, password_hash),
                   version = version + 1, last_modified = now()
            WHERE id = #{id} RETURNING\s""" + ScimUser.COLUMNS;

    /** The account's attributes from SCIM input, by name, with {@code key}; a null hash sets no password (or keeps it). */
    private static Map<String, Object> accountValues(UserInput input, String passwordHash, Map<String, Object> key) {
        // A HashMap: the optional attributes may be null, which Map.of refuses.
        Map<String, Object> values = new HashMap<>(key);
        values.put("displayName", input.displayName());
        values.put("externalId", input.externalId());
        values.put("givenName", input.givenName());
        values.put("familyName", input.familyName());
        values.put("email", input.email());
        values.put("active", input.active());
        values.put("passwordHash", passwordHash);
        return values;
    }

    public Uni<Void> delete(AdministeringClient caller, String id, String ifMatch) {
        UUID uuid = ScimRepresentations.parseId(id, "User " + id);
        return pool.withTransaction(connection -> find(connection, caller, uuid, true)
                        .chain(before -> {
                            ScimQueries.requireMatch(ifMatch, before.etag());
                            return tokens.endStaffSessions(connection, before.userName())
                                    .chain(() -> connection
                                            .preparedQuery("""
                                            UPDATE staff_group SET version = version + 1, last_modified = now()
                                            WHERE authority = $1 AND role = ANY($2)""")
                                            .execute(Tuple.of(
                                                    before.authority(),
                                                    before.roles().toArray(String[]::new))))
                                    .chain(() -> connection
                                            .preparedQuery("DELETE FROM staff_account WHERE id = $1")
                                            .execute(Tuple.of(uuid)))
                                    .chain(() -> audit.record(
                                            connection,
                                            AdministrativeChanges.STAFF_ACCOUNT,
                                            uuid.toString(),
                                            before.authority(),
                                            "deleted",
                                            caller.clientId(),
                                            before.auditView(),
                                            null));
                        }))
                .invoke(() -> {
                    audit.committed();
                    tokens.revocationsCommitted();
                });
    }

    /** Audits a change of an account (and ends her sessions if it deactivated her), inside the changing transaction. */
    Uni<Void> afterChange(SqlConnection connection, AdministeringClient caller, ScimUser before, ScimUser after) {
        String action = before.active() && !after.active()
                ? "deactivated"
                : !before.active() && after.active() ? "reactivated" : "updated";
        Uni<Void> sessions = action.equals("deactivated")
                ? tokens.endStaffSessions(connection, after.userName())
                : Uni.createFrom().voidItem();
        return sessions.chain(() -> audit.record(
                connection,
                AdministrativeChanges.STAFF_ACCOUNT,
                after.id().toString(),
                after.authority(),
                action,
                caller.clientId(),
                before.auditView(),
                after.auditView()));
    }

    /** The account, if this caller may see it; another authority's account is as unknown as a missing one. */
    Uni<ScimUser> find(SqlClient client, AdministeringClient caller, UUID id, boolean forUpdate) {
        return client.preparedQuery("SELECT " + ScimUser.COLUMNS + " FROM staff_account WHERE id = $1"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> {
                    ScimUser user = rows.size() == 0
                            ? null
                            : ScimUser.of(rows.iterator().next());
                    if (user == null || !caller.manages(user.authority())) {
                        throw ScimError.notFound("User " + id);
                    }
                    return user;
                });
    }

    private Uni<ScimResource> show(SqlClient client, ScimUser user) {
        return groupsOf(client, user.authority())
                .map(groups -> new ScimResource(representations.user(user, groups), user.etag()));
    }

    /** The groups of one authority, by role. */
    static Uni<Map<String, ScimGroup>> groupsOf(SqlClient client, String authority) {
        return client.preparedQuery("SELECT * FROM staff_group WHERE authority = $1")
                .execute(Tuple.of(authority))
                .map(rows -> {
                    Map<String, ScimGroup> groups = new LinkedHashMap<>();
                    rows.forEach(row -> groups.put(row.getString("role"), ScimGroup.of(row)));
                    return groups;
                });
    }

    private static Uni<Map<String, Map<String, ScimGroup>>> groupsByAuthority(
            SqlClient client, Optional<String> authority) {
        return client.preparedQuery("SELECT * FROM staff_group WHERE $1::text IS NULL OR authority = $1")
                .execute(Tuple.of(authority.orElse(null)))
                .map(rows -> {
                    Map<String, Map<String, ScimGroup>> groups = new LinkedHashMap<>();
                    rows.forEach(
                            row -> groups.computeIfAbsent(row.getString("authority"), ignored -> new LinkedHashMap<>())
                                    .put(row.getString("role"), ScimGroup.of(row)));
                    return groups;
                });
    }

    /** bcrypt off the event loop (it is deliberately slow); null stays null. */
    private Uni<String> hash(String password) {
        return password == null
                ? Uni.createFrom().nullItem()
                : vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password)));
    }

    static boolean duplicate(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}

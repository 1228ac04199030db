package org.amtsweg.identity.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.audit.AdministrativeChanges;
import org.amtsweg.identity.scim.AdministeringClient;
import org.amtsweg.identity.token.OpaqueTokens;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Specialist-procedure clients registered at run time: an authority connected without a redeploy gets its
 * {@code procedure-<authority>} client here. The secret is generated, shown once, kept as its SHA-256.
 * Every registration, rotation and disabling is audited in its own transaction.
 */
@ApplicationScoped
public class ProcedureClients {

    private static final String CLIENT_ID = "[a-z0-9][a-z0-9-]{2,63}";
    private static final String AUTHORITY = "[a-z0-9][a-z0-9-]{1,63}";

    private final Pool pool;
    private final IdentityConfig config;
    private final AdministrativeChanges audit;
    private final ObjectMapper mapper;

    public ProcedureClients(Pool pool, IdentityConfig config, AdministrativeChanges audit, ObjectMapper mapper) {
        this.pool = pool;
        this.config = config;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** A client's view, and its secret where one was just generated (shown this once). */
    public record Issued(ObjectNode view, String secret) {}

    /** The active client of that id, for token requests, if its secret is right. */
    Uni<Optional<ProcedureClient>> authenticate(String clientId, String secret) {
        return pool.preparedQuery("SELECT * FROM procedure_client WHERE client_id = $1 AND disabled_at IS NULL")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    byte[] expected =
                            rows.iterator().next().getString("secret_hash").getBytes(StandardCharsets.US_ASCII);
                    byte[] given =
                            OpaqueTokens.sha256Hex(secret == null ? "" : secret).getBytes(StandardCharsets.US_ASCII);
                    return MessageDigest.isEqual(expected, given) && secret != null && !secret.isEmpty()
                            ? Optional.of(ProcedureClient.of(rows.iterator().next()))
                            : Optional.empty();
                });
    }

    /** Whether an id is a registered client, configured or not (so that a client id exists once). */
    Uni<Boolean> exists(String clientId) {
        if (config.clients().containsKey(clientId)) {
            return Uni.createFrom().item(true);
        }
        return pool.preparedQuery("SELECT 1 FROM procedure_client WHERE client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Issued> register(AdministeringClient caller, String requestedId, String requestedAuthority) {
        List<Violation> violations = new ArrayList<>();
        String authority = requestedAuthority != null
                ? requestedAuthority
                : caller.authority().orElse(null);
        if (authority == null) {
            violations.add(new Violation(
                    "/authority",
                    "required",
                    "Die Behörde (authority) fehlt, z. B. stadt-witten.",
                    "authority is required, e.g. stadt-witten"));
        } else if (!authority.matches(AUTHORITY)) {
            violations.add(new Violation(
                    "/authority",
                    "pattern",
                    "Die Behörde muss eine Kennung wie stadt-witten sein.",
                    "authority must be an id such as stadt-witten"));
        } else if (!caller.manages(authority)) {
            throw PlatformProblem.FORBIDDEN.problem("Dieser Client verwaltet nur die Verfahren der Behörde "
                    + caller.authority().orElseThrow() + ".");
        }
        String clientId = requestedId != null ? requestedId : authority == null ? null : "procedure-" + authority;
        if (clientId != null && !clientId.matches(CLIENT_ID)) {
            violations.add(new Violation(
                    "/clientId",
                    "pattern",
                    "Die Client-ID besteht aus 3 bis 64 Kleinbuchstaben, Ziffern und Bindestrichen.",
                    "clientId must be 3 to 64 lower-case letters, digits and hyphens"));
        }
        if (!violations.isEmpty()) {
            throw PlatformProblem.validationFailed(violations, "Der Client wurde nicht registriert.");
        }
        String secret = OpaqueTokens.random();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return exists(clientId).chain(taken -> {
            if (taken) {
                throw conflict(clientId);
            }
            return pool.withTransaction(connection -> connection
                            .preparedQuery("""
                                    INSERT INTO procedure_client (client_id, authority, secret_hash, created_at, created_by, last_modified)
                                    VALUES ($1, $2, $3, $4, $5, $4) RETURNING *""")
                            .execute(Tuple.of(
                                    clientId, authority, OpaqueTokens.sha256Hex(secret), now, caller.clientId()))
                            .onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                            .transform(failure -> conflict(clientId))
                            .map(rows -> ProcedureClient.of(rows.iterator().next()))
                            .call(client -> audit.record(
                                    connection,
                                    AdministrativeChanges.PROCEDURE_CLIENT,
                                    clientId,
                                    authority,
                                    "created",
                                    caller.clientId(),
                                    null,
                                    client.view(mapper))))
                    .invoke(audit::committed)
                    .map(client -> new Issued(client.view(mapper), secret));
        });
    }

    public Uni<List<ObjectNode>> all(AdministeringClient caller) {
        return pool.preparedQuery(
                        "SELECT * FROM procedure_client WHERE $1::text IS NULL OR authority = $1 ORDER BY client_id")
                .execute(Tuple.of(caller.authority().orElse(null)))
                .map(rows -> {
                    List<ObjectNode> views = new ArrayList<>();
                    rows.forEach(row -> views.add(ProcedureClient.of(row).view(mapper)));
                    return views;
                });
    }

    public Uni<ObjectNode> one(AdministeringClient caller, String clientId) {
        return pool.preparedQuery("SELECT * FROM procedure_client WHERE client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    ProcedureClient client = rows.size() == 0
                            ? null
                            : ProcedureClient.of(rows.iterator().next());
                    if (client == null || !caller.manages(client.authority())) {
                        throw notFound(clientId);
                    }
                    return client.view(mapper);
                });
    }

    /** A new secret; the old one stops working at once. A disabled client stays disabled. */
    public Uni<Issued> rotate(AdministeringClient caller, String clientId) {
        String secret = OpaqueTokens.random();
        return change(caller, clientId, "updated", "secret_hash = $2", secret).map(view -> new Issued(view, secret));
    }

    public Uni<ObjectNode> disable(AdministeringClient caller, String clientId) {
        return change(caller, clientId, "deactivated", "disabled_at = now()", null);
    }

    private Uni<ObjectNode> change(
            AdministeringClient caller, String clientId, String action, String assignment, String secret) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT * FROM procedure_client WHERE client_id = $1 FOR UPDATE")
                        .execute(Tuple.of(clientId))
                        .chain(rows -> {
                            ProcedureClient before = rows.size() == 0
                                    ? null
                                    : ProcedureClient.of(rows.iterator().next());
                            if (before == null || !caller.manages(before.authority())) {
                                throw notFound(clientId);
                            }
                            if (action.equals("updated") && !before.active()) {
                                throw PlatformProblem.BAD_REQUEST.problem("Der Client " + clientId
                                        + " ist deaktiviert; sein Secret wird nicht erneuert.");
                            }
                            if (action.equals("deactivated") && !before.active()) {
                                return Uni.createFrom()
                                        .item(before.view(
                                                mapper)); // already disabled: nothing changes, nothing to audit
                            }
                            return connection
                                    .preparedQuery(
                                            "UPDATE procedure_client SET " + assignment
                                                    + ", version = version + 1, last_modified = now() WHERE client_id = $1 RETURNING *")
                                    .execute(
                                            secret == null
                                                    ? Tuple.of(clientId)
                                                    : Tuple.of(clientId, OpaqueTokens.sha256Hex(secret)))
                                    .map(updated -> ProcedureClient.of(
                                            updated.iterator().next()))
                                    .call(after -> audit.record(
                                            connection,
                                            AdministrativeChanges.PROCEDURE_CLIENT,
                                            clientId,
                                            after.authority(),
                                            action,
                                            caller.clientId(),
                                            before.view(mapper),
                                            after.view(mapper)))
                                    .map(after -> after.view(mapper));
                        }))
                .invoke(audit::committed);
    }

    private static Problem notFound(String clientId) {
        return PlatformProblem.NOT_FOUND.problem("Kein Verfahrens-Client " + clientId + ".");
    }

    private static Problem conflict(String clientId) {
        return ClientProblem.CLIENT_ID_TAKEN.problem("Die Client-ID " + clientId + " ist schon vergeben.");
    }
}

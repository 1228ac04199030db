package org.amtsweg.identity.authorize;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.TrustLevel;

/** Pending authorization requests, kept server-side so that the login forms carry only an id and a CSRF token. */
@ApplicationScoped
public class AuthorizationRequests {

    private final Pool pool;
    private final IdentityConfig config;

    public AuthorizationRequests(Pool pool, IdentityConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<Void> save(AuthorizationRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A HashMap: state, nonce and code challenge are optional, and Map.of refuses null.
        Map<String, Object> values = new HashMap<>();
        values.put("id", request.id());
        values.put("clientId", request.clientId());
        values.put("redirectUri", request.redirectUri());
        values.put("scope", request.scope());
        values.put("state", request.state());
        values.put("nonce", request.nonce());
        values.put("codeChallenge", request.codeChallenge());
        values.put("acrMinimum", request.minimum().acr());
        values.put("csrfToken", request.csrfToken());
        values.put("browserHash", request.browserHash());
        values.put("createdAt", now);
        values.put("expiresAt", now.plus(config.loginRequestLifetime()));
        // On a connection: a template takes no CDI proxy of the pool.
        return pool.withConnection(
                        connection -> SqlTemplate.forUpdate(connection, SAVE).execute(values))
                .replaceWithVoid();
    }

    private static final String SAVE = """
            INSERT INTO authorization_request (id, client_id, redirect_uri, scope, state, nonce, code_challenge, acr_minimum,
                csrf_token, browser_hash, created_at, expires_at)
            VALUES (#{id}, #{clientId}, #{redirectUri}, #{scope}, #{state}, #{nonce}, #{codeChallenge}, #{acrMinimum},
                #{csrfToken}, #{browserHash}, #{createdAt}, #{expiresAt})""";

    public Uni<Optional<AuthorizationRequest>> find(String id) {
        return pool.preparedQuery("SELECT * FROM authorization_request WHERE id = $1 AND expires_at > now()")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next())
                                .map(row -> new AuthorizationRequest(
                                        row.getString("id"),
                                        row.getString("client_id"),
                                        row.getString("redirect_uri"),
                                        row.getString("scope"),
                                        row.getString("state"),
                                        row.getString("nonce"),
                                        row.getString("code_challenge"),
                                        TrustLevel.fromAcr(row.getString("acr_minimum"))
                                                .orElse(TrustLevel.LOW),
                                        row.getString("csrf_token"),
                                        row.getString("browser_hash"))));
    }

    /** A login transaction ends with its code; the same form cannot be posted twice. */
    public Uni<Boolean> complete(String id) {
        return pool.preparedQuery("DELETE FROM authorization_request WHERE id = $1")
                .execute(Tuple.of(id))
                .map(result -> result.rowCount() == 1);
    }
}

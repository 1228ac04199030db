package org.amtsweg.identity.authorize;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.TrustLevel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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
        return pool.preparedQuery("""
                        INSERT INTO authorization_request (id, client_id, redirect_uri, scope, state, nonce, code_challenge, acr_minimum,
                            csrf_token, browser_hash, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
                .execute(Tuple.from(new Object[]{request.id(), request.clientId(), request.redirectUri(), request.scope(), request.state(),
                        request.nonce(), request.codeChallenge(), request.minimum().acr(), request.csrfToken(), request.browserHash(), now,
                        now.plus(config.loginRequestLifetime())}))
                .replaceWithVoid();
    }

    public Uni<Optional<AuthorizationRequest>> find(String id) {
        return pool.preparedQuery("SELECT * FROM authorization_request WHERE id = $1 AND expires_at > now()")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(row ->
                        new AuthorizationRequest(row.getString("id"), row.getString("client_id"), row.getString("redirect_uri"),
                                row.getString("scope"), row.getString("state"), row.getString("nonce"), row.getString("code_challenge"),
                                TrustLevel.fromAcr(row.getString("acr_minimum")).orElse(TrustLevel.LOW), row.getString("csrf_token"),
                                row.getString("browser_hash"))));
    }

    /** A login transaction ends with its code; the same form cannot be posted twice. */
    public Uni<Boolean> complete(String id) {
        return pool.preparedQuery("DELETE FROM authorization_request WHERE id = $1").execute(Tuple.of(id))
                .map(result -> result.rowCount() == 1);
    }
}

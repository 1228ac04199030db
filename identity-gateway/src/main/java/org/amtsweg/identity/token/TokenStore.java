package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.session.LoginSession;
import org.jboss.logging.Logger;

/**
 * Sessions, token families, authorization codes and refresh tokens. Codes and refresh tokens are
 * single use: a second use is taken as theft and revokes everything issued from the same code.
 */
@ApplicationScoped
public class TokenStore {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final Pool pool;
    private final IdentityConfig config;
    private final RevocationAnnouncements announcements;

    public TokenStore(Pool pool, IdentityConfig config, RevocationAnnouncements announcements) {
        this.pool = pool;
        this.config = config;
        this.announcements = announcements;
    }

    /** What a code or refresh token stands for. */
    public record Grant(
            String familyId,
            String clientId,
            String scope,
            LoginSession session,
            String redirectUri,
            String nonce,
            String codeChallenge) {}

    /**
     * The result of a redemption. A replay is refused only after its transaction committed, because
     * the revocation it causes must stand although the request fails.
     */
    private record Outcome(Grant grant, OAuthError error) {

        static Outcome granted(Grant grant) {
            return new Outcome(grant, null);
        }

        static Outcome refused(OAuthError error) {
            return new Outcome(null, error);
        }

        Grant grantOrThrow() {
            if (error != null) {
                throw error;
            }
            return grant;
        }
    }

    /** Starts a session and returns the value of the browser's session cookie. */
    public Uni<String> startSession(LoginSession session) {
        String cookie = OpaqueTokens.random();
        Map<String, Object> values = new HashMap<>();
        values.put("sid", session.sid());
        values.put("subjectKind", session.subjectKind());
        values.put("subjectRef", session.subjectRef());
        values.put("method", session.method().code());
        values.put("authTime", session.authTime().atOffset(ZoneOffset.UTC));
        values.put("cookieHash", OpaqueTokens.sha256Hex(cookie));
        values.put("claims", session.claims());
        // On a connection: a template takes no CDI proxy of the pool.
        return pool.withConnection(connection ->
                        SqlTemplate.forUpdate(connection, START_SESSION).execute(values))
                .replaceWith(cookie);
    }

    private static final String START_SESSION = """
            INSERT INTO login_session (sid, subject_kind, subject_ref, method, auth_time, cookie_hash, claims)
            VALUES (#{sid}, #{subjectKind}, #{subjectRef}, #{method}, #{authTime}, #{cookieHash}, #{claims}::text::jsonb)""";

    /** The running session a browser's session cookie belongs to. */
    public Uni<Optional<LoginSession>> sessionOfCookie(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT * FROM login_session WHERE cookie_hash = $1 AND ended_at IS NULL")
                .execute(Tuple.of(OpaqueTokens.sha256Hex(cookie)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(session(rows.iterator().next())));
    }

    /** Opens a token family for a client's login and returns its authorization code (the raw value, stored only hashed). */
    public Uni<String> issueCode(
            String clientId, String sid, String scope, String redirectUri, String nonce, String codeChallenge) {
        String code = OpaqueTokens.random();
        String familyId = OpaqueTokens.random();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(
                                "INSERT INTO token_family (id, client_id, sid, scope, created_at) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(familyId, clientId, sid, scope, now))
                        .chain(() -> connection
                                .preparedQuery("""
                                        INSERT INTO authorization_code (code_hash, family_id, redirect_uri, nonce, code_challenge, expires_at)
                                        VALUES ($1, $2, $3, $4, $5, $6)""")
                                .execute(Tuple.of(
                                        OpaqueTokens.sha256Hex(code),
                                        familyId,
                                        redirectUri,
                                        nonce,
                                        codeChallenge,
                                        now.plus(config.codeLifetime())))))
                .replaceWith(code);
    }

    /** Redeems a code once; a replay revokes the family and everything issued from it. */
    public Uni<Grant> redeemCode(String code) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                                SELECT c.used_at, c.expires_at, c.redirect_uri, c.nonce, c.code_challenge, f.id AS family_id, f.client_id,
                                       f.scope, f.revoked_at, s.*
                                FROM authorization_code c JOIN token_family f ON f.id = c.family_id JOIN login_session s ON s.sid = f.sid
                                WHERE c.code_hash = $1 FOR UPDATE OF c""")
                        .execute(Tuple.of(OpaqueTokens.sha256Hex(code)))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw OAuthError.invalidGrant("the authorization code is not valid");
                            }
                            Row row = rows.iterator().next();
                            String familyId = row.getString("family_id");
                            if (row.getOffsetDateTime("used_at") != null) {
                                AUDIT.warnf(
                                        "authorization code replayed: family revoked, client=%s",
                                        row.getString("client_id"));
                                return revokeFamily(connection, familyId, "replay")
                                        .replaceWith(Outcome.refused(
                                                OAuthError.invalidGrant("the authorization code was already used")));
                            }
                            if (row.getOffsetDateTime("expires_at").toInstant().isBefore(Instant.now())
                                    || row.getOffsetDateTime("revoked_at") != null) {
                                throw OAuthError.invalidGrant("the authorization code has expired");
                            }
                            return connection
                                    .preparedQuery("UPDATE authorization_code SET used_at = now() WHERE code_hash = $1")
                                    .execute(Tuple.of(OpaqueTokens.sha256Hex(code)))
                                    .replaceWith(Outcome.granted(new Grant(
                                            familyId,
                                            row.getString("client_id"),
                                            row.getString("scope"),
                                            session(row),
                                            row.getString("redirect_uri"),
                                            row.getString("nonce"),
                                            row.getString("code_challenge"))));
                        }))
                .invoke(outcome -> {
                    if (outcome.error() != null) {
                        announcements
                                .committed(); // a replay revoked the family: announce it now, not at the next sweep
                    }
                })
                .map(Outcome::grantOrThrow);
    }

    public Uni<String> issueRefreshToken(String familyId) {
        String token = OpaqueTokens.random();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.preparedQuery(
                        "INSERT INTO refresh_token (token_hash, family_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .execute(
                        Tuple.of(OpaqueTokens.sha256Hex(token), familyId, now, now.plus(config.refreshTokenLifetime())))
                .replaceWith(token);
    }

    /** Redeems a refresh token once (rotation); a replay revokes the family. */
    public Uni<Grant> redeemRefreshToken(String token, String clientId) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                        SELECT r.used_at, r.expires_at, f.id AS family_id, f.client_id, f.scope, f.revoked_at, s.*
                        FROM refresh_token r JOIN token_family f ON f.id = r.family_id JOIN login_session s ON s.sid = f.sid
                        WHERE r.token_hash = $1 FOR UPDATE OF r""")
                        .execute(Tuple.of(OpaqueTokens.sha256Hex(token)))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw OAuthError.invalidGrant("the refresh token is not valid");
                            }
                            Row row = rows.iterator().next();
                            String familyId = row.getString("family_id");
                            if (!row.getString("client_id").equals(clientId)) {
                                throw OAuthError.invalidGrant("the refresh token was issued to another client");
                            }
                            if (row.getOffsetDateTime("used_at") != null) {
                                AUDIT.warnf("refresh token replayed: family revoked, client=%s", clientId);
                                return revokeFamily(connection, familyId, "replay")
                                        .replaceWith(Outcome.refused(
                                                OAuthError.invalidGrant("the refresh token was already used")));
                            }
                            if (row.getOffsetDateTime("revoked_at") != null
                                    || row.getOffsetDateTime("ended_at") != null
                                    || row.getOffsetDateTime("expires_at")
                                            .toInstant()
                                            .isBefore(Instant.now())) {
                                throw OAuthError.invalidGrant("the refresh token has expired or was revoked");
                            }
                            return connection
                                    .preparedQuery("UPDATE refresh_token SET used_at = now() WHERE token_hash = $1")
                                    .execute(Tuple.of(OpaqueTokens.sha256Hex(token)))
                                    .replaceWith(Outcome.granted(new Grant(
                                            familyId,
                                            clientId,
                                            row.getString("scope"),
                                            session(row),
                                            null,
                                            null,
                                            null)));
                        }))
                .invoke(outcome -> {
                    if (outcome.error() != null) {
                        announcements
                                .committed(); // a replay revoked the family: announce it now, not at the next sweep
                    }
                })
                .map(Outcome::grantOrThrow);
    }

    /** Records an access token of a family, so that introspection can tell when it was revoked. */
    public Uni<Void> recordAccessToken(String jti, String familyId, Instant expiresAt) {
        return pool.preparedQuery("INSERT INTO issued_access_token (jti, family_id, expires_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(jti, familyId, expiresAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Boolean> accessTokenRevoked(String jti) {
        return pool.preparedQuery("""
                        SELECT a.revoked_at IS NOT NULL OR f.revoked_at IS NOT NULL AS revoked
                        FROM issued_access_token a LEFT JOIN token_family f ON f.id = a.family_id WHERE a.jti = $1""")
                .execute(Tuple.of(jti))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("revoked"));
    }

    public Uni<Void> revokeAccessToken(String jti, Instant expiresAt) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                                INSERT INTO issued_access_token (jti, expires_at, revoked_at) VALUES ($1, $2, now())
                                ON CONFLICT (jti) DO UPDATE SET revoked_at = now()""")
                        .execute(Tuple.of(jti, expiresAt.atOffset(ZoneOffset.UTC)))
                        .chain(() -> announcements.token(connection, jti, expiresAt)))
                .invoke(announcements::committed);
    }

    /** The family of a refresh token, if the token is still usable (for introspection). */
    public Uni<Optional<Grant>> activeRefreshToken(String token) {
        return pool.preparedQuery("""
                        SELECT f.id AS family_id, f.client_id, f.scope, s.*
                        FROM refresh_token r JOIN token_family f ON f.id = r.family_id JOIN login_session s ON s.sid = f.sid
                        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND f.revoked_at IS NULL AND s.ended_at IS NULL""")
                .execute(Tuple.of(OpaqueTokens.sha256Hex(token)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next())
                                .map(row -> new Grant(
                                        row.getString("family_id"),
                                        row.getString("client_id"),
                                        row.getString("scope"),
                                        session(row),
                                        null,
                                        null,
                                        null)));
    }

    /** Revokes the family of a refresh token (RFC 7009); unknown tokens are ignored, as the RFC demands. */
    public Uni<Void> revokeByRefreshToken(String token, String clientId) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                        SELECT r.family_id FROM refresh_token r JOIN token_family f ON f.id = r.family_id
                        WHERE r.token_hash = $1 AND f.client_id = $2""")
                        .execute(Tuple.of(OpaqueTokens.sha256Hex(token), clientId))
                        .chain(rows -> rows.size() == 0
                                ? Uni.createFrom().voidItem()
                                : revokeFamily(
                                        connection, rows.iterator().next().getString("family_id"), "revoked")))
                .invoke(announcements::committed);
    }

    /** Ends a session and revokes every token family issued in it (logout). */
    public Uni<Void> endSession(String sid) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("UPDATE login_session SET ended_at = now() WHERE sid = $1 AND ended_at IS NULL")
                        .execute(Tuple.of(sid))
                        .chain(() -> connection
                                .preparedQuery(
                                        "UPDATE token_family SET revoked_at = now() WHERE sid = $1 AND revoked_at IS NULL")
                                .execute(Tuple.of(sid)))
                        .chain(() -> announcements.session(connection, sid)))
                .invoke(announcements::committed);
    }

    /**
     * Ends every running session of a member of staff and revokes what was issued in them, inside the caller's
     * transaction (her deactivation or deletion): announced per session like a logout. The caller calls
     * {@link #revocationsCommitted()} once its transaction has committed.
     */
    public Uni<Void> endStaffSessions(SqlConnection connection, String username) {
        return connection.preparedQuery("""
                        UPDATE login_session SET ended_at = now() WHERE subject_kind = 'staff' AND subject_ref = $1 AND ended_at IS NULL
                        RETURNING sid""").execute(Tuple.of(username)).chain(rows -> {
            List<String> sids = new ArrayList<>();
            rows.forEach(row -> sids.add(row.getString("sid")));
            if (!sids.isEmpty()) {
                AUDIT.infof("account deactivated or deleted: %d session(s) ended", sids.size());
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String sid : sids) {
                chain = chain.chain(() -> connection
                                .preparedQuery(
                                        "UPDATE token_family SET revoked_at = now() WHERE sid = $1 AND revoked_at IS NULL")
                                .execute(Tuple.of(sid)))
                        .chain(() -> announcements.session(connection, sid));
            }
            return chain;
        });
    }

    public void revocationsCommitted() {
        announcements.committed();
    }

    private Uni<Void> revokeFamily(SqlConnection connection, String familyId, String reason) {
        return connection
                .preparedQuery("UPDATE token_family SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1")
                .execute(Tuple.of(familyId))
                .chain(() -> announcements.family(connection, familyId, reason));
    }

    private static LoginSession session(Row row) {
        Object claims = row.getValue("claims");
        return new LoginSession(
                row.getString("sid"),
                row.getString("subject_kind"),
                row.getString("subject_ref"),
                LoginMethod.fromCode(row.getString("method")).orElseThrow(),
                row.getOffsetDateTime("auth_time").toInstant(),
                claims == null ? null : claims.toString());
    }
}

package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.amtsweg.events.TokensRevoked;
import org.amtsweg.events.Topics;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;

/**
 * Tells the resource servers which unexpired access tokens the gateway withdrew: a {@code TokensRevoked}
 * event in the outbox, in the transaction that revokes them, so a revocation that commits is announced
 * and one that does not is not. The services check tokens themselves (signature, expiry) and remember
 * them; without this, a revoked token would work there until it expires.
 */
@ApplicationScoped
public class RevocationAnnouncements {

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final IdentityConfig config;

    public RevocationAnnouncements(Outbox outbox, OutboxRelay relay, IdentityConfig config) {
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    /** One access token, revoked by its client (RFC 7009). */
    Uni<Void> token(SqlConnection connection, String jti, Instant expiresAt) {
        return announce(
                connection,
                new TokensRevoked(
                        UUID.randomUUID().toString(), null, List.of(jti), "revoked", Instant.now(), expiresAt));
    }

    /** Every unexpired access token of a token family (a revoked or replayed refresh token, a replayed code). */
    Uni<Void> family(SqlConnection connection, String familyId, String reason) {
        return connection.preparedQuery("""
                        SELECT coalesce(array_agg(jti), '{}') AS jtis, max(expires_at) AS until
                        FROM issued_access_token WHERE family_id = $1 AND expires_at > now()""").execute(Tuple.of(familyId)).chain(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime until = row.getOffsetDateTime("until");
            return until == null
                    ? Uni.createFrom().voidItem()
                    : announce(
                            connection,
                            new TokensRevoked(
                                    UUID.randomUUID().toString(),
                                    null,
                                    jtis(row),
                                    reason,
                                    Instant.now(),
                                    until.toInstant()));
        });
    }

    /**
     * An ended login session: its tokens by id, and the session itself, so that a token of it this
     * gateway did not record (or issues in a race with the logout) is refused by its {@code sid} too.
     */
    Uni<Void> session(SqlConnection connection, String sid) {
        return connection
                .preparedQuery("""
                        SELECT coalesce(array_agg(a.jti), '{}') AS jtis FROM issued_access_token a JOIN token_family f ON f.id = a.family_id
                        WHERE f.sid = $1 AND a.expires_at > now()""")
                .execute(Tuple.of(sid))
                .chain(rows -> announce(
                        connection,
                        new TokensRevoked(
                                UUID.randomUUID().toString(),
                                sid,
                                jtis(rows.iterator().next()),
                                "session-ended",
                                Instant.now(),
                                Instant.now().plus(config.accessTokenLifetime()))));
    }

    /** After the revoking transaction committed: publish now rather than at the next sweep. */
    void committed() {
        relay.nudge();
    }

    private Uni<Void> announce(SqlConnection connection, TokensRevoked revocation) {
        String key = revocation.sid() != null ? revocation.sid() : revocation.revocationId();
        return outbox.append(
                        connection, Topics.IDENTITY, key, TokensRevoked.TYPE, revocation.revocationId(), revocation)
                .replaceWithVoid();
    }

    private static List<String> jtis(Row row) {
        return Arrays.asList(row.getArrayOfStrings("jtis"));
    }
}

package org.amtsweg.identity.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.token.OpaqueTokens;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Brute-force protection: after too many failed logins within the window, an account (or a client
 * address) is locked until the window has passed. Counted in the database, so that all instances
 * of the gateway share the count. Keys are hashed: the table holds no usernames or addresses.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Pool pool;
    private final IdentityConfig config;

    public LoginThrottle(Pool pool, IdentityConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** True while the account or the address is locked out. */
    public Uni<Boolean> locked(String account, String address) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(config.loginThrottle().window());
        return pool.preparedQuery("""
                        SELECT count(*) FILTER (WHERE key = $1) AS account_failures, count(*) FILTER (WHERE key = $2) AS address_failures
                        FROM login_failure WHERE key IN ($1, $2) AND failed_at > $3""")
                .execute(Tuple.of(accountKey(account), addressKey(address), since))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return row.getLong("account_failures") >= config.loginThrottle().maxAccountFailures()
                            || row.getLong("address_failures") >= config.loginThrottle().maxAddressFailures();
                });
    }

    public Uni<Void> failed(String account, String address) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.preparedQuery("INSERT INTO login_failure (key, failed_at) VALUES ($1, $3), ($2, $3)")
                .execute(Tuple.of(accountKey(account), addressKey(address), now))
                .replaceWithVoid();
    }

    /** A successful login clears the account's failures (not the address's: one good password must not unlock guessing). */
    public Uni<Void> succeeded(String account) {
        return pool.preparedQuery("DELETE FROM login_failure WHERE key = $1").execute(Tuple.of(accountKey(account))).replaceWithVoid();
    }

    private static String accountKey(String account) {
        return "account:" + OpaqueTokens.sha256Hex(String.valueOf(account).toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + OpaqueTokens.sha256Hex(String.valueOf(address));
    }
}

package org.amtsweg.identity.throttle;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;

/**
 * Brute-force protection of passwords, PINs and client secrets ("Sperre nach Fehlversuchen"). Per account
 * and per client: after a few failures in a row each further attempt must wait, the wait doubling with
 * every failure up to a cap, and a success forgets the failures. While it waits, an attempt is refused
 * without being checked, even with the right secret, and does not count. Per client address only a far
 * higher bound, since a whole town hall may sit behind one proxy address.
 *
 * <p>Counted in the database so that every instance shares the counts; keys are hashed, so that the
 * table holds no usernames, client ids or addresses. Nothing here sleeps: a throttled attempt is
 * answered at once with the time to wait ({@code Retry-After}).
 */
@ApplicationScoped
public class AuthThrottle {

    private final Pool pool;
    private final IdentityConfig.Throttle config;

    public AuthThrottle(Pool pool, IdentityConfig config) {
        this.pool = pool;
        this.config = config.throttle();
    }

    /** How long a login to this account from this address must wait; empty when it may be tried now. */
    public Uni<Optional<Duration>> loginWait(String account, String address) {
        return waitFor(accountKey(account), addressKey(address));
    }

    public Uni<Void> loginFailed(String account, String address) {
        return backoff(accountKey(account), config.accounts()).chain(() -> countAddress(addressKey(address)));
    }

    public Uni<Void> loginSucceeded(String account) {
        return forget(accountKey(account));
    }

    /** How long an authentication of this client from this address must wait; empty when it may be tried now. */
    public Uni<Optional<Duration>> clientWait(String clientId, String address) {
        return waitFor(clientKey(clientId), addressKey(address));
    }

    public Uni<Void> clientFailed(String clientId, String address) {
        return backoff(clientKey(clientId), config.clients()).chain(() -> countAddress(addressKey(address)));
    }

    public Uni<Void> clientSucceeded(String clientId) {
        return forget(clientKey(clientId));
    }

    private Uni<Optional<Duration>> waitFor(String subjectKey, String addressKey) {
        OffsetDateTime now = now();
        return pool.preparedQuery(
                        "SELECT max(blocked_until) AS until FROM auth_throttle WHERE key IN ($1, $2) AND blocked_until > $3")
                .execute(Tuple.of(subjectKey, addressKey, now))
                .map(rows -> {
                    OffsetDateTime until = rows.iterator().next().getOffsetDateTime("until");
                    return until == null ? Optional.<Duration>empty() : Optional.of(Duration.between(now, until));
                });
    }

    /** One more failure in a row; from the free failures on, the next attempt waits, twice as long each time. */
    private Uni<Void> backoff(String key, IdentityConfig.Backoff policy) {
        OffsetDateTime now = now();
        return count(key, "last_failure_at", now, now.minus(config.forgetAfter()))
                .chain(row -> {
                    int beyond = row.getInteger("failures") - policy.freeFailures();
                    if (beyond < 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Duration delay = delay(policy, beyond);
                    return block(key, now.plus(delay));
                });
    }

    /** The wait after {@code beyond} failures past the free ones: initial × 2^beyond, at most the cap. */
    static Duration delay(IdentityConfig.Backoff policy, int beyond) {
        Duration delay = policy.initialDelay();
        for (int i = 0; i < beyond && delay.compareTo(policy.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    /** A failure from an address within its window; at the bound the address waits until the window ends. */
    private Uni<Void> countAddress(String key) {
        OffsetDateTime now = now();
        return count(key, "first_failure_at", now, now.minus(config.addresses().window()))
                .chain(row -> row.getInteger("failures") < config.addresses().maxFailures()
                        ? Uni.createFrom().voidItem()
                        : block(
                                key,
                                row.getOffsetDateTime("first_failure_at")
                                        .plus(config.addresses().window())));
    }

    /**
     * Counts a failure; a count starts afresh where {@code since} has passed its {@code first_failure_at}
     * (a window, for addresses) or its {@code last_failure_at} (failures in a row, for accounts and clients).
     */
    private Uni<Row> count(String key, String expiresBy, OffsetDateTime now, OffsetDateTime since) {
        String fresh = "auth_throttle." + expiresBy + " < $3";
        return pool.preparedQuery("""
                        INSERT INTO auth_throttle (key, failures, first_failure_at, last_failure_at) VALUES ($1, 1, $2, $2)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN %1$s THEN 1 ELSE auth_throttle.failures + 1 END,
                            first_failure_at = CASE WHEN %1$s THEN $2 ELSE auth_throttle.first_failure_at END,
                            last_failure_at = $2
                        RETURNING failures, first_failure_at""".formatted(fresh))
                .execute(Tuple.of(key, now, since))
                .map(rows -> rows.iterator().next());
    }

    private Uni<Void> block(String key, OffsetDateTime until) {
        return pool.preparedQuery("UPDATE auth_throttle SET blocked_until = $2 WHERE key = $1")
                .execute(Tuple.of(key, until))
                .replaceWithVoid();
    }

    /** A success forgets the account's or client's failures (not the address's: one right password must not reopen guessing). */
    private Uni<Void> forget(String key) {
        return pool.preparedQuery("DELETE FROM auth_throttle WHERE key = $1")
                .execute(Tuple.of(key))
                .replaceWithVoid();
    }

    /** Counts nobody needs any more: forgotten and not blocking. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOld() {
        OffsetDateTime now = now();
        OffsetDateTime before = now.minus(
                config.forgetAfter().compareTo(config.addresses().window()) > 0
                        ? config.forgetAfter()
                        : config.addresses().window());
        return pool.preparedQuery(
                        "DELETE FROM auth_throttle WHERE last_failure_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)")
                .execute(Tuple.of(before, now))
                .replaceWithVoid();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String accountKey(String account) {
        return "account:" + hash(String.valueOf(account).toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String clientId) {
        return "client:" + hash(String.valueOf(clientId));
    }

    private static String addressKey(String address) {
        return "address:" + hash(String.valueOf(address));
    }

    /** SHA-256 of the UTF-8 text: usernames need not be ASCII, and "müller" must not count for "m?ller". */
    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

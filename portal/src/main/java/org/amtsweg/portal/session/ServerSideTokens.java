package org.amtsweg.portal.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amtsweg.portal.PortalConfig;

/**
 * Keeps the tokens of every login on this server: the session cookie carries a random 256-bit id and
 * nothing else, so no token (not even an encrypted one) ever reaches the browser. A session unused for
 * {@code amtsweg.portal.session-idle-timeout} is forgotten. The store is this process's memory: a
 * restart logs everyone out, and several replicas need sticky sessions — the price of having no
 * database of its own.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ServerSideTokens implements TokenStateManager {

    private record Entry(AuthorizationCodeTokens tokens, Instant lastUsed) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final PortalConfig config;
    private final Clock clock = Clock.systemUTC();

    public ServerSideTokens(PortalConfig config) {
        this.config = config;
    }

    @Override
    public Uni<String> createTokenState(
            RoutingContext context,
            OidcTenantConfig tenant,
            AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(key(tenant, id), new Entry(tokens, clock.instant()));
        return Uni.createFrom().item(id);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext context,
            OidcTenantConfig tenant,
            String state,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        Instant now = clock.instant();
        Entry entry = sessions.computeIfPresent(
                key(tenant, state), (key, found) -> expired(found, now) ? null : new Entry(found.tokens(), now));
        // No tokens means no session: quarkus-oidc then starts a new login.
        return Uni.createFrom().item(entry == null ? null : entry.tokens());
    }

    @Override
    public Uni<Void> deleteTokens(
            RoutingContext context, OidcTenantConfig tenant, String state, OidcRequestContext<Void> request) {
        sessions.remove(key(tenant, state));
        return Uni.createFrom().voidItem();
    }

    @Scheduled(every = "1m")
    void forgetIdleSessions() {
        Instant now = clock.instant();
        sessions.values().removeIf(entry -> expired(entry, now));
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.lastUsed().plus(config.sessionIdleTimeout()).isBefore(now);
    }

    private static String key(OidcTenantConfig tenant, String id) {
        return tenant.tenantId().orElse("Default") + ":" + id;
    }
}

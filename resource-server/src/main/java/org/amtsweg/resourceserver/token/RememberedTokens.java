package org.amtsweg.resourceserver.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens that quarkus-oidc has already checked (signature, issuer, audience, expiry), remembered
 * with the identity built for them until they expire. A citizen's browser or a clerk's inbox sends the
 * same token with every request of a session: checking it once is enough. Checking an ES256 signature
 * costs about a millisecond of CPU, and before that quarkus-oidc decodes the token's JSON every time.
 *
 * <p>An HTTP authentication mechanism ahead of quarkus-oidc's: a bearer token it remembers gets its
 * identity back, untouched; any other request — no token, one not seen before, a tampered copy, an
 * expired one — goes on to quarkus-oidc, which checks it and answers 401 where it must. {@link Recorder}
 * remembers the identity after every service augmentor has had its say (so a service's principal, read
 * from the token once, is remembered with it). A token the gateway withdrew ({@link WithdrawnTokens}) is
 * forgotten at once and refused from then on, remembered or not. Bounded in number; the token itself is
 * the key (the identity holds it anyway).
 *
 * <p>Why a mechanism and not an identity provider: measured in {@code deploy/bench/RESULTS.md}.
 */
@ApplicationScoped
public class RememberedTokens implements HttpAuthenticationMechanism {

    private static final int MAXIMUM_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";

    private final Cache<String, Remembered> tokens = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfter(
                    Expiry.creating((String key, Remembered entry) -> Duration.between(Instant.now(), entry.expires())))
            .build();

    private record Remembered(SecurityIdentity identity, JsonWebToken token, Instant expires) {}

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        // RFC 6750: the scheme is case-insensitive; anything else is quarkus-oidc's to judge.
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        Remembered entry =
                tokens.getIfPresent(authorization.substring(BEARER.length()).trim());
        if (entry == null || !entry.expires().isAfter(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        // The remembered identity still points at the request that first brought the token.
        return Uni.createFrom().item(new BoundIdentity(entry.identity(), context));
    }

    /** Never asks for credentials itself: quarkus-oidc's challenge (401 with {@code WWW-Authenticate: Bearer}) does. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    void remember(SecurityIdentity identity) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            tokens.put(
                    credential.getToken(),
                    new Remembered(identity, jwt, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }

    /** Forgets every remembered token that {@code withdrawn} names. */
    void forget(Predicate<JsonWebToken> withdrawn) {
        tokens.asMap().values().removeIf(entry -> withdrawn.test(entry.token()));
    }

    /**
     * Runs last for each identity quarkus-oidc built from a token: refuses one the gateway withdrew,
     * remembers any other.
     */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        private final RememberedTokens tokens;
        private final Instance<WithdrawnTokens> withdrawn;

        public Recorder(RememberedTokens tokens, Instance<WithdrawnTokens> withdrawn) {
            this.tokens = tokens;
            this.withdrawn = withdrawn;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.getPrincipal() instanceof JsonWebToken jwt
                    && withdrawn.get().isWithdrawn(jwt)) {
                return Uni.createFrom()
                        .failure(new AuthenticationFailedException("the identity gateway withdrew this token"));
            }
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}

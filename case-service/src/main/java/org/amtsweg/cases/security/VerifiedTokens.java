package org.amtsweg.cases.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Access tokens that quarkus-oidc has already checked (signature, issuer, audience, expiry), remembered
 * until they expire. A clerk's inbox sends the same token with every request of a session: checking it
 * once is enough. Checking an ES256 signature costs about a millisecond of CPU on the JDK, and even
 * before that quarkus-oidc decodes the token's JSON on every request.
 *
 * <p>This mechanism runs before quarkus-oidc's. A bearer token it remembers gets the identity built for
 * it back, untouched; any other request — no token, a token not seen before, a tampered copy, an expired
 * one — goes on to quarkus-oidc as usual, which checks it and answers 401 where it must. {@link Recorder}
 * remembers the identity quarkus-oidc and every augmentor built, with the {@link Clerk} the token names
 * read once for all later requests. Entries are bounded in number; the token itself is the key (the
 * identity holds it anyway).
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private static final int MAXIMUM_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";

    private final Cache<String, Remembered> tokens = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfter(Expiry.creating((String key, Remembered entry) -> Duration.between(Instant.now(), entry.expires())))
            .build();

    private record Remembered(SecurityIdentity identity, Instant expires) {
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        // RFC 6750: the scheme is case-insensitive; anything else is quarkus-oidc's to judge.
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        Remembered entry = tokens.getIfPresent(authorization.substring(BEARER.length()).trim());
        if (entry == null || !entry.expires().isAfter(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        // The remembered identity still points at the request that first brought the token.
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(entry.identity())
                .addAttribute(RoutingContext.class.getName(), context)
                .build());
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

    /**
     * Remembers an identity built from an access token, with the clerk its token names read once for all
     * later requests with the same token; answers the identity with that clerk.
     */
    SecurityIdentity remember(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        SecurityIdentity read = QuarkusSecurityIdentity.builder(identity).addAttribute(Clerk.ATTRIBUTE, Clerk.from(jwt)).build();
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && jwt.getExpirationTime() > 0) {
            tokens.put(credential.getToken(), new Remembered(read, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
        return read;
    }

    /** Remembers each identity built from an access token, after every other augmentor has had its say. */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Recorder(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.remember(identity));
        }
    }
}

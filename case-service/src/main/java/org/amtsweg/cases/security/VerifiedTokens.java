package org.amtsweg.cases.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens that quarkus-oidc has already checked (signature, issuer, audience, expiry), remembered
 * until they expire. Checking an ES256 signature costs about a millisecond of CPU on the JDK, and a
 * clerk's inbox sends the same token with every request of a session: checking it once is enough.
 *
 * <p>A token not seen before goes to quarkus-oidc as usual ({@link Recorder} then remembers the
 * identity it built); a token seen before gets that identity back without a second check. Entries are
 * bounded in number; the token itself is the key (the identity holds it anyway).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity that came from this cache, so that it is not remembered again. */
    private static final String REMEMBERED = VerifiedTokens.class.getName();
    private static final int MAXIMUM_TOKENS = 10_000;

    private final Cache<String, Remembered> tokens = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfter(Expiry.creating((String key, Remembered entry) -> Duration.between(Instant.now(), entry.expires())))
            .build();

    private record Remembered(SecurityIdentity identity, Instant expires) {
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's own provider, which keeps the default priority; answering nothing hands the request on to it. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        Remembered entry = tokens.getIfPresent(credential.getToken());
        if (entry == null || !entry.expires().isAfter(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        // The remembered identity still points at the request that first brought the token.
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(entry.identity());
        if (current != null) {
            identity.addAttribute(RoutingContext.class.getName(), current);
        }
        return Uni.createFrom().item(identity.build());
    }

    void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || identity.getAttributes().containsKey(REMEMBERED)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        SecurityIdentity marked = QuarkusSecurityIdentity.builder(identity).addAttribute(REMEMBERED, Boolean.TRUE).build();
        tokens.put(credential.getToken(), new Remembered(marked, Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    /** Remembers each identity quarkus-oidc builds from an access token, before any other augmentor changes it. */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Recorder(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}

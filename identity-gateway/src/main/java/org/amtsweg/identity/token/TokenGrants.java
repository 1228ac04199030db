package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.citizen.TestIdentityCards;
import org.amtsweg.identity.client.ClientCredentials;
import org.amtsweg.identity.client.RegisteredClient;
import org.amtsweg.identity.client.RegisteredClients;
import org.amtsweg.identity.session.Principals;
import org.amtsweg.identity.staff.StaffDirectory;
import org.amtsweg.identity.throttle.AuthThrottle;
import org.jboss.logging.Logger;

/** Decides the grants of the token endpoint: who asks, for whom, with which scopes. */
@ApplicationScoped
public class TokenGrants {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final IdentityConfig config;
    private final RegisteredClients clients;
    private final TestIdentityCards testIdentities;
    private final StaffDirectory staff;
    private final AccessTokenFactory tokens;
    private final TokenStore store;
    private final Principals principals;
    private final AuthThrottle throttle;

    public TokenGrants(
            IdentityConfig config,
            RegisteredClients clients,
            TestIdentityCards testIdentities,
            StaffDirectory staff,
            AccessTokenFactory tokens,
            TokenStore store,
            Principals principals,
            AuthThrottle throttle) {
        this.config = config;
        this.clients = clients;
        this.testIdentities = testIdentities;
        this.staff = staff;
        this.tokens = tokens;
        this.store = store;
        this.principals = principals;
        this.throttle = throttle;
    }

    public Uni<AccessTokenFactory.IssuedToken> grant(
            String grantType,
            ClientCredentials credentials,
            MultivaluedMap<String, String> form,
            String clientAddress) {
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is missing");
        }
        return clients.authenticate(credentials.clientId(), credentials.secret(), clientAddress)
                .chain(client -> switch (grantType) {
                    case "client_credentials" -> clientCredentials(client, form);
                    case "password" -> directGrant(client, form, clientAddress);
                    case "authorization_code" -> authorizationCode(client, form);
                    case "refresh_token" -> refresh(client, form);
                    default -> throw OAuthError.unsupportedGrantType("grant_type " + grantType + " is not supported");
                });
    }

    private Uni<AccessTokenFactory.IssuedToken> clientCredentials(
            RegisteredClient client, MultivaluedMap<String, String> form) {
        if (client.settings().publicClient()) {
            throw OAuthError.unauthorizedClient("a public client cannot act on its own behalf");
        }
        client.requireGrant("client_credentials");
        List<String> scopes = client.grantScopes(form.getFirst("scope")).stream()
                .filter(scope -> !scope.equals("openid"))
                .toList();
        AUDIT.infof("token issued: grant=client_credentials client=%s", client.id());
        return Uni.createFrom()
                .item(tokens.issue(
                        new Principal.Service(
                                client.id(),
                                client.settings().authority(),
                                client.settings().roles().orElse(List.of()),
                                Instant.now()),
                        client.id(),
                        client.audiences(),
                        scopes));
    }

    /**
     * The resource-owner shortcut for scripts: a test identity with its PIN (by {@code login_method},
     * default eID) or a staff account with its password. Only where explicitly enabled, never in prod.
     */
    /** Code exchange (RFC 6749 §4.1.3) with PKCE S256 (RFC 7636): the same client, the same redirect URI, the right verifier. */
    private Uni<AccessTokenFactory.IssuedToken> authorizationCode(
            RegisteredClient client, MultivaluedMap<String, String> form) {
        client.requireGrant("authorization_code");
        String code = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        String verifier = required(form, "code_verifier");
        if (!verifier.matches("[A-Za-z0-9\\-._~]{43,128}")) {
            throw OAuthError.invalidRequest("code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]");
        }
        return store.redeemCode(code).chain(grant -> {
            if (!grant.clientId().equals(client.id())) {
                throw OAuthError.invalidGrant("the authorization code was issued to another client");
            }
            if (!grant.redirectUri().equals(redirectUri)) {
                throw OAuthError.invalidGrant("redirect_uri differs from the authorization request");
            }
            if (!MessageDigest.isEqual(
                    OpaqueTokens.s256Challenge(verifier).getBytes(StandardCharsets.US_ASCII),
                    grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
                throw OAuthError.invalidGrant("the code_verifier does not match the code_challenge");
            }
            return issueForSession(
                    client, grant, List.of(grant.scope().split(" ")), grant.nonce(), "authorization_code");
        });
    }

    /** Refresh with rotation: the old refresh token is spent, a new one comes with the new access token. */
    private Uni<AccessTokenFactory.IssuedToken> refresh(RegisteredClient client, MultivaluedMap<String, String> form) {
        client.requireGrant("refresh_token");
        String token = required(form, "refresh_token");
        return store.redeemRefreshToken(token, client.id()).chain(grant -> {
            List<String> granted = List.of(grant.scope().split(" "));
            List<String> scopes = granted;
            String requested = form.getFirst("scope");
            if (requested != null && !requested.isBlank()) {
                scopes =
                        Arrays.stream(requested.trim().split("\\s+")).distinct().toList();
                if (!granted.containsAll(scopes)) {
                    throw OAuthError.invalidScope("a refresh may narrow the scope, never widen it");
                }
            }
            return issueForSession(client, grant, scopes, null, "refresh_token");
        });
    }

    private Uni<AccessTokenFactory.IssuedToken> issueForSession(
            RegisteredClient client, TokenStore.Grant grant, List<String> scopes, String nonce, String grantType) {
        String sid = grant.session().sid();
        return principals.of(grant.session()).chain(principal -> {
            AccessTokenFactory.IssuedToken access =
                    tokens.issue(principal, client.id(), client.audiences(), scopes, sid);
            AccessTokenFactory.IssuedToken withId = scopes.contains("openid")
                    ? access.withIdToken(tokens.idToken(principal, client.id(), scopes, nonce, sid))
                    : access;
            Uni<AccessTokenFactory.IssuedToken> withRefresh =
                    client.settings().grants().contains("refresh_token")
                            ? store.issueRefreshToken(grant.familyId()).map(withId::withRefreshToken)
                            : Uni.createFrom().item(withId);
            return store.recordAccessToken(access.jti(), grant.familyId(), access.expiresAt())
                    .chain(() -> withRefresh)
                    .invoke(() -> AUDIT.infof("token issued: grant=%s client=%s sid=%s", grantType, client.id(), sid));
        });
    }

    private Uni<AccessTokenFactory.IssuedToken> directGrant(
            RegisteredClient client, MultivaluedMap<String, String> form, String clientAddress) {
        if (!config.directGrantEnabled()) {
            throw OAuthError.unsupportedGrantType("the password grant is disabled on this gateway");
        }
        client.requireGrant("password");
        String username = required(form, "username");
        String password = required(form, "password");
        List<String> scopes = client.grantScopes(form.getFirst("scope"));
        TrustLevel minimum = minimumTrustLevel(form.getFirst("acr_values"));
        LoginMethod method = LoginMethod.fromCode(
                        form.getFirst("login_method") == null ? "eid" : form.getFirst("login_method"))
                .orElseThrow(() -> OAuthError.invalidRequest("login_method must be eid, elster or password"));

        return throttle.loginWait(username, clientAddress).chain(wait -> {
            if (wait.isPresent()) {
                AUDIT.warnf("login refused while throttled: grant=password client=%s", client.id());
                throw OAuthError.throttled("invalid_grant", wait.get());
            }
            var citizen = testIdentities.authenticate(username, password, method);
            if (citizen.isPresent()) {
                requireLevel(method.trustLevel(), minimum);
                AUDIT.infof(
                        "token issued: grant=password client=%s kind=citizen acr=%s",
                        client.id(), method.trustLevel().acr());
                return throttle.loginSucceeded(username)
                        .replaceWith(tokens.issue(
                                new Principal.Citizen(citizen.get(), method, Instant.now()),
                                client.id(),
                                client.audiences(),
                                scopes));
            }
            return staff.authenticate(username, password).chain(account -> {
                if (account.isEmpty()) {
                    AUDIT.infof("login refused: grant=password client=%s", client.id());
                    return throttle.loginFailed(username, clientAddress).map(ignored -> {
                        throw OAuthError.invalidGrant("the credentials are not valid");
                    });
                }
                requireLevel(TrustLevel.LOW, minimum);
                AUDIT.infof(
                        "token issued: grant=password client=%s kind=staff authority=%s",
                        client.id(), account.get().authority);
                return throttle.loginSucceeded(username)
                        .replaceWith(tokens.issue(
                                new Principal.Staff(account.get(), Instant.now()),
                                client.id(),
                                client.audiences(),
                                scopes));
            });
        });
    }

    static TrustLevel minimumTrustLevel(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return TrustLevel.LOW;
        }
        // acr_values lists acceptable levels; the least of them is the minimum the client accepts.
        return Arrays.stream(acrValues.trim().split("\\s+"))
                .map(value -> TrustLevel.fromAcr(value)
                        .or(() -> TrustLevel.fromStorkQaa(value))
                        .orElseThrow(() -> OAuthError.invalidRequest("unknown acr value " + value)))
                .min(Enum::compareTo)
                .orElse(TrustLevel.LOW);
    }

    static void requireLevel(TrustLevel granted, TrustLevel minimum) {
        if (!granted.satisfies(minimum)) {
            throw new OAuthError(
                    "unmet_authentication_requirements",
                    "the login method gives trust level " + granted.acr() + ", but " + minimum.acr() + " is required",
                    400);
        }
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest(name + " is missing");
        }
        return value;
    }
}

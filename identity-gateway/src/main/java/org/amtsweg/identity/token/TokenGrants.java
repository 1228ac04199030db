package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.citizen.TestIdentityCards;
import org.amtsweg.identity.client.ClientCredentials;
import org.amtsweg.identity.client.RegisteredClient;
import org.amtsweg.identity.client.RegisteredClients;
import org.amtsweg.identity.staff.StaffDirectory;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/** Decides the grants of the token endpoint: who asks, for whom, with which scopes. */
@ApplicationScoped
public class TokenGrants {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final IdentityConfig config;
    private final RegisteredClients clients;
    private final TestIdentityCards testIdentities;
    private final StaffDirectory staff;
    private final AccessTokenFactory tokens;

    public TokenGrants(IdentityConfig config, RegisteredClients clients, TestIdentityCards testIdentities,
                       StaffDirectory staff, AccessTokenFactory tokens) {
        this.config = config;
        this.clients = clients;
        this.testIdentities = testIdentities;
        this.staff = staff;
        this.tokens = tokens;
    }

    public Uni<AccessTokenFactory.IssuedToken> grant(String grantType, ClientCredentials credentials, MultivaluedMap<String, String> form) {
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is missing");
        }
        RegisteredClient client = clients.authenticate(credentials.clientId(), credentials.secret());
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(client, form);
            case "password" -> directGrant(client, form);
            default -> throw OAuthError.unsupportedGrantType("grant_type " + grantType + " is not supported");
        };
    }

    private Uni<AccessTokenFactory.IssuedToken> clientCredentials(RegisteredClient client, MultivaluedMap<String, String> form) {
        if (client.settings().publicClient()) {
            throw OAuthError.unauthorizedClient("a public client cannot act on its own behalf");
        }
        client.requireGrant("client_credentials");
        List<String> scopes = client.grantScopes(form.getFirst("scope")).stream().filter(scope -> !scope.equals("openid")).toList();
        AUDIT.infof("token issued: grant=client_credentials client=%s", client.id());
        return Uni.createFrom().item(tokens.issue(new Principal.Service(client.id(), Instant.now()), client.id(), client.audiences(), scopes));
    }

    /**
     * The resource-owner shortcut for scripts: a test identity with its PIN (by {@code login_method},
     * default eID) or a staff account with its password. Only where explicitly enabled, never in prod.
     */
    private Uni<AccessTokenFactory.IssuedToken> directGrant(RegisteredClient client, MultivaluedMap<String, String> form) {
        if (!config.directGrantEnabled()) {
            throw OAuthError.unsupportedGrantType("the password grant is disabled on this gateway");
        }
        client.requireGrant("password");
        String username = required(form, "username");
        String password = required(form, "password");
        List<String> scopes = client.grantScopes(form.getFirst("scope"));
        TrustLevel minimum = minimumTrustLevel(form.getFirst("acr_values"));
        LoginMethod method = LoginMethod.fromCode(form.getFirst("login_method") == null ? "eid" : form.getFirst("login_method"))
                .orElseThrow(() -> OAuthError.invalidRequest("login_method must be eid, elster or password"));

        var citizen = testIdentities.authenticate(username, password, method);
        if (citizen.isPresent()) {
            requireLevel(method.trustLevel(), minimum);
            AUDIT.infof("token issued: grant=password client=%s kind=citizen acr=%s", client.id(), method.trustLevel().acr());
            return Uni.createFrom().item(tokens.issue(new Principal.Citizen(citizen.get(), method, Instant.now()), client.id(), client.audiences(), scopes));
        }
        return staff.authenticate(username, password).map(account -> {
            if (account.isEmpty()) {
                AUDIT.infof("login refused: grant=password client=%s", client.id());
                throw OAuthError.invalidGrant("the credentials are not valid");
            }
            requireLevel(TrustLevel.LOW, minimum);
            AUDIT.infof("token issued: grant=password client=%s kind=staff authority=%s", client.id(), account.get().authority);
            return tokens.issue(new Principal.Staff(account.get(), Instant.now()), client.id(), client.audiences(), scopes);
        });
    }

    private static TrustLevel minimumTrustLevel(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return TrustLevel.LOW;
        }
        // acr_values lists acceptable levels; the least of them is the minimum the client accepts.
        return java.util.Arrays.stream(acrValues.trim().split("\\s+"))
                .map(value -> TrustLevel.fromAcr(value).or(() -> TrustLevel.fromStorkQaa(value))
                        .orElseThrow(() -> OAuthError.invalidRequest("unknown acr value " + value)))
                .min(Enum::compareTo)
                .orElse(TrustLevel.LOW);
    }

    private static void requireLevel(TrustLevel granted, TrustLevel minimum) {
        if (!granted.satisfies(minimum)) {
            throw new OAuthError("unmet_authentication_requirements",
                    "the login method gives trust level " + granted.acr() + ", but " + minimum.acr() + " is required", 400);
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

package org.amtsweg.identity.client;

import java.util.Arrays;
import java.util.List;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.token.OAuthError;

/** An authenticated client and what it may do. */
public record RegisteredClient(String id, IdentityConfig.Client settings) {

    public void requireGrant(String grantType) {
        if (!settings.grants().contains(grantType)) {
            throw OAuthError.unauthorizedClient("client " + id + " may not use the grant " + grantType);
        }
    }

    /** The scopes granted for a request: those asked for (all allowed ones if none), never more than allowed. */
    public List<String> grantScopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return settings.scopes();
        }
        List<String> asked =
                Arrays.stream(requested.trim().split("\\s+")).distinct().toList();
        List<String> refused = asked.stream()
                .filter(scope -> !settings.scopes().contains(scope))
                .toList();
        if (!refused.isEmpty()) {
            throw OAuthError.invalidScope("scope not allowed for this client: " + String.join(" ", refused));
        }
        return asked;
    }

    public List<String> audiences() {
        return settings.audiences();
    }
}

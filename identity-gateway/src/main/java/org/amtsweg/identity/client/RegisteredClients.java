package org.amtsweg.identity.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.token.OAuthError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The OAuth clients registered with the gateway, and their authentication. */
@ApplicationScoped
public class RegisteredClients {

    private final IdentityConfig config;

    public RegisteredClients(IdentityConfig config) {
        this.config = config;
    }

    /**
     * The client, authenticated by its secret if it is confidential. Unknown clients and wrong secrets
     * get the same answer, so that the error does not reveal which client ids exist.
     */
    public RegisteredClient authenticate(String clientId, Optional<String> secret) {
        IdentityConfig.Client client = clientId == null ? null : config.clients().get(clientId);
        if (client == null) {
            throw OAuthError.invalidClient("client authentication failed");
        }
        if (!client.publicClient()) {
            byte[] expected = client.secret().orElse("").getBytes(StandardCharsets.UTF_8);
            byte[] given = secret.orElse("").getBytes(StandardCharsets.UTF_8);
            if (expected.length == 0 || !MessageDigest.isEqual(expected, given)) {
                throw OAuthError.invalidClient("client authentication failed");
            }
        }
        return new RegisteredClient(clientId, client);
    }
}

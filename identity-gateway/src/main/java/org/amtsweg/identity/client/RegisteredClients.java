package org.amtsweg.identity.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.throttle.AuthThrottle;
import org.amtsweg.identity.token.OAuthError;
import org.jboss.logging.Logger;

/** The OAuth clients registered with the gateway, and their authentication. */
@ApplicationScoped
public class RegisteredClients {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final IdentityConfig config;
    private final AuthThrottle throttle;
    private final ProcedureClients procedures;

    public RegisteredClients(IdentityConfig config, AuthThrottle throttle, ProcedureClients procedures) {
        this.config = config;
        this.throttle = throttle;
        this.procedures = procedures;
    }

    /**
     * The client, authenticated by its secret if it is confidential. Unknown clients and wrong secrets
     * get the same answer, so that the error does not reveal which client ids exist. A confidential
     * client's secret is throttled ({@link AuthThrottle}): after repeated wrong secrets the next attempt
     * waits, and is answered 429 {@code invalid_client} with {@code Retry-After} unchecked until then.
     */
    public Uni<RegisteredClient> authenticate(String clientId, Optional<String> secret, String address) {
        if (clientId == null) {
            return Uni.createFrom().failure(OAuthError.invalidClient("client authentication failed"));
        }
        IdentityConfig.Client client = config.clients().get(clientId);
        if (client == null) {
            return registeredAtRunTime(clientId, secret, address);
        }
        if (client.publicClient()) {
            return Uni.createFrom().item(new RegisteredClient(clientId, client));
        }
        return throttle.clientWait(clientId, address).chain(wait -> {
            if (wait.isPresent()) {
                AUDIT.warnf("client authentication refused while throttled: client=%s", clientId);
                return Uni.createFrom().failure(OAuthError.throttled("invalid_client", wait.get()));
            }
            byte[] expected = client.secret().orElse("").getBytes(StandardCharsets.UTF_8);
            byte[] given = secret.orElse("").getBytes(StandardCharsets.UTF_8);
            if (expected.length == 0 || !MessageDigest.isEqual(expected, given)) {
                AUDIT.infof("client authentication failed: client=%s", clientId);
                return throttle.clientFailed(clientId, address)
                        .chain(() ->
                                Uni.createFrom().failure(OAuthError.invalidClient("client authentication failed")));
            }
            return throttle.clientSucceeded(clientId).replaceWith(new RegisteredClient(clientId, client));
        });
    }

    /**
     * A specialist-procedure client registered through {@code /admin/clients}, read at every token request
     * (so that a registration, rotation or disabling takes effect at once, on every instance); throttled like
     * a configured one, and answered the same way when unknown or disabled.
     */
    private Uni<RegisteredClient> registeredAtRunTime(String clientId, Optional<String> secret, String address) {
        return throttle.clientWait(clientId, address).chain(wait -> {
            if (wait.isPresent()) {
                AUDIT.warnf("client authentication refused while throttled: client=%s", clientId);
                return Uni.createFrom().failure(OAuthError.throttled("invalid_client", wait.get()));
            }
            return procedures.authenticate(clientId, secret.orElse(null)).chain(found -> {
                if (found.isEmpty()) {
                    AUDIT.infof("client authentication failed: client=%s", clientId);
                    return throttle.clientFailed(clientId, address)
                            .chain(() ->
                                    Uni.createFrom().failure(OAuthError.invalidClient("client authentication failed")));
                }
                return throttle.clientSucceeded(clientId)
                        .replaceWith(new RegisteredClient(
                                clientId,
                                new ProcedureClientSettings(found.get().authority())));
            });
        });
    }
}

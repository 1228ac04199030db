package org.amtsweg.identity.client;

import java.util.List;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;

/**
 * What a specialist-procedure client registered at run time may do: always the same as a configured one
 * ({@code procedure-stadt-hagen}): client credentials, scope {@code handover}, audience {@code case-service},
 * role {@code procedure}, for its one authority. Its secret is checked against the stored hash, not here.
 */
record ProcedureClientSettings(String authorityId) implements IdentityConfig.Client {

    static final List<String> GRANTS = List.of("client_credentials");
    static final List<String> SCOPES = List.of("handover");
    static final List<String> AUDIENCES = List.of("case-service");
    static final List<String> ROLES = List.of("procedure");

    @Override
    public boolean publicClient() {
        return false;
    }

    @Override
    public Optional<String> secret() {
        return Optional.empty();
    }

    @Override
    public List<String> grants() {
        return GRANTS;
    }

    @Override
    public List<String> scopes() {
        return SCOPES;
    }

    @Override
    public List<String> audiences() {
        return AUDIENCES;
    }

    @Override
    public Optional<List<String>> redirectUris() {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> postLogoutRedirectUris() {
        return Optional.empty();
    }

    @Override
    public Optional<String> authority() {
        return Optional.of(authorityId);
    }

    @Override
    public Optional<List<String>> roles() {
        return Optional.of(ROLES);
    }

    @Override
    public boolean introspection() {
        return false;
    }

    @Override
    public String idTokenSignedResponseAlg() {
        return "RS256";
    }
}

package org.amtsweg.portal.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Puts the logged-in person's own access token, as this request's session holds it (refreshed by quarkus-oidc when
 * it expires), on every call of a REST client that registers it: the portal calls the services as that person,
 * never with a power of its own, and no page has to hand the token along.
 */
@ApplicationScoped
public class PersonsToken implements ClientHeadersFactory {

    private final SecurityIdentity identity;

    public PersonsToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            // Only pages behind the login call these clients; reaching one without a session is the portal's defect.
            throw new IllegalStateException("a call as the logged-in person outside a login");
        }
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + token.getToken());
        return headers;
    }
}

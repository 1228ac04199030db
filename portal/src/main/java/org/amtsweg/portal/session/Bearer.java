package org.amtsweg.portal.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The logged-in person's access token as an {@code Authorization} header for the services' APIs: the
 * portal calls them as that person, never with a power of its own.
 */
@RequestScoped
public class Bearer {

    private final SecurityIdentity identity;

    public Bearer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String header() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no login in this request");
        }
        return "Bearer " + token.getToken();
    }
}

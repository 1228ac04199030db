package org.amtsweg.portal.clerk;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import org.amtsweg.portal.PortalConfig;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.branding.Authority;
import org.amtsweg.portal.branding.Frame;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The logged-in clerk: name and authority, whose name and logo the workspace carries. */
@RequestScoped
public class Workspace {

    private final SecurityIdentity identity;
    private final CatalogApi catalog;
    private final PortalConfig config;

    public Workspace(SecurityIdentity identity, @RestClient CatalogApi catalog, PortalConfig config) {
        this.identity = identity;
        this.catalog = catalog;
        this.config = config;
    }

    public Frame frame() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String authorityId = token.getClaim("authority");
        Authority brand = null;
        if (authorityId != null && Authority.ID.matcher(authorityId).matches()) {
            try {
                brand = Authority.of(catalog.authority(authorityId));
            } catch (WebApplicationException unknown) {
                brand = null;
            }
        }
        String name = token.getClaim("name");
        return new Frame(
                brand,
                name == null ? token.getName() : name,
                true,
                config.sessionIdleTimeout().toMinutes());
    }
}

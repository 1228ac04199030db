package org.amtsweg.resourceserver.token;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A remembered identity bound to the request at hand: everything as it was built, except that its
 * {@link RoutingContext} attribute is the current request's, not the one that first brought the token.
 * (Quarkus' own identity builder lives in the security extension, which this library does not pull in.)
 */
final class BoundIdentity implements SecurityIdentity {

    private final SecurityIdentity remembered;
    private final Map<String, Object> attributes;

    BoundIdentity(SecurityIdentity remembered, RoutingContext request) {
        this.remembered = remembered;
        this.attributes = new HashMap<>(remembered.getAttributes());
        this.attributes.put(RoutingContext.class.getName(), request);
    }

    @Override
    public Principal getPrincipal() {
        return remembered.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return remembered.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return remembered.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return remembered.hasRole(role);
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> credentialType) {
        return remembered.getCredential(credentialType);
    }

    @Override
    public Set<Credential> getCredentials() {
        return remembered.getCredentials();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return (T) attributes.get(name);
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public Set<Permission> getPermissions() {
        return remembered.getPermissions();
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return remembered.checkPermission(permission);
    }

    @Override
    public boolean checkPermissionBlocking(Permission permission) {
        return remembered.checkPermissionBlocking(permission);
    }
}

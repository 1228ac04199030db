package org.amtsweg.identity.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.identity.IdentityConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenID Connect discovery. It lists only what the gateway really does, because clients configure
 * themselves from it.
 */
@Path("/.well-known/openid-configuration")
public class DiscoveryResource {

    private final IdentityConfig config;

    public DiscoveryResource(IdentityConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> configuration() {
        String issuer = config.issuer();
        List<String> grants = new ArrayList<>(List.of("client_credentials"));
        if (config.directGrantEnabled()) {
            grants.add("password");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("token_endpoint", issuer + "/token");
        document.put("jwks_uri", issuer + "/jwks");
        document.put("grant_types_supported", grants);
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("scopes_supported", List.of("openid", "profile", "address", "eid"));
        document.put("claims_supported", List.of("sub", "acr", "amr", "auth_time", "given_name", "family_name", "birthdate",
                "address", "municipality", "nationality", "place_of_birth", "roles", "authority", "preferred_username", "name"));
        document.put("acr_values_supported", List.of("low", "substantial", "high"));
        document.put("subject_types_supported", List.of("pairwise"));
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("access_token_signing_alg_values_supported", List.of("ES256"));
        return document;
    }
}
